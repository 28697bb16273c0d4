package web

import "testing"

// TestOnlyAPathOnThisSiteIsAPageToReturnTo: the page remembered across the
// login may only be a path here; whatever a browser could read as another
// site (an open redirect) is refused, encoded or not.
func TestOnlyAPathOnThisSiteIsAPageToReturnTo(t *testing.T) {
	for _, p := range []string{"/", "/jeugdigen/J-ABCDEFGH", "/registraties?pagina=2", "/jeugdigen/J-ABCDEFGH#plan", "/berichten/12"} {
		if !safeReturn(p) {
			t.Errorf("%q refused", p)
		}
	}
	for _, p := range []string{
		"", "evil.example", "//evil.example", "///evil.example", `/\evil.example`, `\\evil.example`,
		"https://evil.example", "http:/evil.example", "javascript:alert(1)", "%2F%2Fevil.example",
		"/%2F%2Fevil.example", "/%2f%2fevil.example", "/%5Cevil.example", "/%5cevil.example", "/x//y",
		"/x\r\nSet-Cookie: a=b", "/x y", "/x\"y", "/x;y", "/é", "/inloggen", "/inloggen/code", "/INLOGGEN/koppelen", "/uitloggen",
		"/%zz",
	} {
		if safeReturn(p) {
			t.Errorf("%q accepted as a page to return to", p)
		}
	}
}
