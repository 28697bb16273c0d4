package brpstub_test

import (
	"slices"
	"testing"

	"github.com/jeugdketen/jeugdketen/internal/population"
)

func TestStubServesAParentsChildrenFromTheChildrensParents(t *testing.T) {
	url := startStub(t, "") + "/personen"
	got := personen(t, post(t, url, bsnQuery([]string{"kinderen.burgerservicenummer"}, population.BSNParent, population.BSNSibling1)))
	var children []string
	for _, k := range got[0].(map[string]any)["kinderen"].([]any) {
		children = append(children, k.(map[string]any)["burgerservicenummer"].(string))
	}
	for _, want := range []string{"999999369", population.BSNSibling1, population.BSNSibling2} {
		if !slices.Contains(children, want) {
			t.Errorf("Johan's children %v lack %s", children, want)
		}
	}
	if len(got[1].(map[string]any)) != 0 {
		t.Errorf("Daan, who has no children, got %v", got[1])
	}
}
