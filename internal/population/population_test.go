package population

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

func TestReadFileDetectsFormatFromHeader(t *testing.T) {
	plain := filepath.Join(t.TempDir(), "bevolking.csv")
	if err := os.WriteFile(plain, []byte(plainHeaderLine+"999993653;Suzanne;;Moulin;1985-12-01;V;0599;3077AW;31\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]int{
		"rvig/testset-persoonslijsten-gba-v-20220502.csv": 572,
		plain: 1,
	} {
		records, stats, err := ReadFile(path)
		if err != nil {
			t.Errorf("ReadFile(%s): %v", path, err)
			continue
		}
		if len(records) != want || stats.Read != want {
			t.Errorf("ReadFile(%s) read %d (stats %d), want %d", path, len(records), stats.Read, want)
		}
	}
}

func TestReadFileMissingFileIsAnError(t *testing.T) {
	_, _, err := ReadFile(filepath.Join(t.TempDir(), "bestaat-niet.csv"))
	if err == nil || model.ErrorCode(err) != model.EINTERNAL {
		t.Errorf("err = %v, want a plain I/O error", err)
	}
}
