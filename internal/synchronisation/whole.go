package synchronisation

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// Checksum is a list's controlegetal: the SHA-256, in lower-case hex, of
// its lines, each written as sent as
// burgerservicenummer;soort;medewerker;geboortedatum;einddatum;ouders;jeugdige
// followed by a newline (an absent field is empty). It is the CSV file's
// body without its header, so a client system computes it with any tool.
func Checksum(lines []Line) string {
	h := sha256.New()
	for _, l := range lines {
		fmt.Fprintf(h, "%s;%s;%s;%s;%s;%s;%s\n", l.BSN, l.Kind, l.Professional, l.BirthDate, l.EndDate, l.Parents, l.Youth)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// bodyHash identifies a request: the same lines and the same 'volledig'
// are the same synchronisation, to be resumed when it did not finish.
func bodyHash(req Request, checksum string) []byte {
	kind := "aanvulling"
	if req.Complete {
		kind = "volledig"
	}
	sum := sha256.Sum256([]byte(kind + "\n" + checksum))
	return sum[:]
}

// checkWhole refuses a list that did not arrive whole, and a complete list
// that cannot prove it did: what is not on a complete list ends, so a cut
// one would end registrations it merely lost. Nothing is changed then.
func checkWhole(req Request, checksum string) error {
	if len(req.Lines) > MaxLines {
		return model.Errorf(model.ETOOLARGE, "Een synchronisatie heeft ten hoogste %d regels; deze heeft er %d. Splits de lijst (alleen een aanvulling, 'volledig': false, kan in delen).", MaxLines, len(req.Lines))
	}
	var inv []model.InvalidParam
	if req.LineCount != nil && *req.LineCount != len(req.Lines) {
		inv = append(inv, model.InvalidParam{Name: "aantalRegels",
			Reason: fmt.Sprintf("De lijst is niet heel aangekomen: er kwamen %d regels aan, aantalRegels zegt %d. Er is niets verwerkt.", len(req.Lines), *req.LineCount)})
	}
	if sum := strings.ToLower(strings.TrimSpace(req.Checksum)); sum != "" && sum != checksum {
		inv = append(inv, model.InvalidParam{Name: "controlegetal",
			Reason: "De lijst is niet heel aangekomen: het controlegetal past niet bij de regels die aankwamen. Er is niets verwerkt."})
	}
	if req.Complete && req.LineCount == nil && strings.TrimSpace(req.Checksum) == "" {
		inv = append(inv, model.InvalidParam{Name: "aantalRegels",
			Reason: "Een volledige lijst beëindigt wat er niet op staat: stuur aantalRegels of controlegetal mee, zodat een afgebroken lijst herkend wordt."})
	}
	return model.Invalid("De synchronisatie is niet verwerkt: de lijst is niet aantoonbaar heel aangekomen.", inv...)
}
