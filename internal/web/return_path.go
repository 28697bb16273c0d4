package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// returnCookie keeps the page a professional asked for while they log in
// (password, code or enrolling a second factor, and a forced password
// change), so that a link from an e-mail ("ziet u na inloggen: …") still
// leads there. It lives in the browser that asked, like the login cookie,
// and is checked again when it is used: a cookie is only what the browser
// sends.
const (
	returnCookie    = "jeugdketen_terug"
	returnCookieAge = 30 * time.Minute
)

// safeReturn reports whether p may be a page to return to after login: a
// path on this site, and nothing a browser could read as another site.
// Browsers take "//host" and "/\host" as another host, and some read a
// backslash as a slash anywhere, so both are refused, encoded or not; so is
// anything with a scheme or a host, and the login pages themselves.
func safeReturn(p string) bool {
	if len(p) == 0 || len(p) > 2000 || p[0] != '/' {
		return false
	}
	for _, c := range p {
		// Only what a cookie holds unchanged: no space, quote, semicolon or
		// backslash, nothing outside ASCII (a request's URI is escaped).
		if c < 0x21 || c > 0x7e || c == '"' || c == ';' || c == '\\' {
			return false
		}
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return false
	}
	decoded, err := url.PathUnescape(u.EscapedPath())
	if err != nil {
		return false
	}
	for _, s := range []string{u.EscapedPath(), decoded} {
		if !strings.HasPrefix(s, "/") || strings.Contains(s, "//") || strings.Contains(s, `\`) {
			return false
		}
	}
	lower := strings.ToLower(decoded)
	return lower != "/inloggen" && !strings.HasPrefix(lower, "/inloggen/") && lower != "/uitloggen"
}

// rememberReturn keeps the page of a GET request that has to wait for a
// login or a password change. A form sent (POST) is not replayed, and an
// htmx request asks for a piece of a page, not a page.
func (h *Handler) rememberReturn(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet || r.Header.Get("HX-Request") != "" {
		return
	}
	p := r.URL.RequestURI()
	if safeReturn(p) {
		h.setCookie(w, returnCookie, p, returnCookieAge)
	}
}

// takeReturn is where to go once logged in: the remembered page when it is
// still safe, otherwise "/" (which knows each role's start page). The
// cookie is used once.
func (h *Handler) takeReturn(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(returnCookie)
	if err != nil {
		return "/"
	}
	h.clearCookie(w, returnCookie)
	if !safeReturn(c.Value) {
		return "/"
	}
	return c.Value
}

// withNoticeAt adds a confirmation to a path that may have a query already.
func withNoticeAt(p, key string) string {
	if strings.Contains(p, "?") {
		return p + "&melding=" + url.QueryEscape(key)
	}
	return withNotice(p, key)
}
