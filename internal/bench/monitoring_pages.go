package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// PageLogin is a person the page measurement logs in as: an enrolled
// professional with a password of their own and the TOTP secret.
type PageLogin struct {
	Email, Password, Secret string
}

// Page is a monitoring page to fetch: its path and query, and who reads it.
type Page struct {
	What  string
	Path  string
	Login int // index into the logins
}

// PageRead is one page as a browser asks for it: the whole answer, from
// the request to the last byte of the HTML (the figures, the charts and
// the tables), first when the server has not shown it before, then the
// middle of three more.
type PageRead struct {
	What          string
	First, Median time.Duration
	Bytes         int
}

// MeasureMonitoringPages logs each person in on the running server at base
// (password, then the second factor) and fetches every page four times.
func MeasureMonitoringPages(ctx context.Context, base string, logins []PageLogin, pages []Page) ([]PageRead, error) {
	clients := make([]*http.Client, len(logins))
	for i, l := range logins {
		c, err := login(ctx, base, l)
		if err != nil {
			return nil, err
		}
		clients[i] = c
	}
	var out []PageRead
	for _, p := range pages {
		var times []time.Duration
		size := 0
		for range 4 {
			start := time.Now()
			n, err := fetchPage(ctx, clients[p.Login], base+p.Path)
			if err != nil {
				return out, fmt.Errorf("bench: %s: %w", p.What, err)
			}
			times, size = append(times, time.Since(start)), n
		}
		rest := slices.Clone(times[1:])
		slices.Sort(rest)
		out = append(out, PageRead{What: p.What, First: times[0], Median: rest[1], Bytes: size})
	}
	return out, nil
}

// login is a browser's login: the password, then the code of the second
// factor; the session cookie stays in the client's jar.
func login(ctx context.Context, base string, l PageLogin) (*http.Client, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 2 * time.Minute}
	res, err := postForm(ctx, c, base+"/inloggen", url.Values{"email": {l.Email}, "wachtwoord": {l.Password}})
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(res.Request.URL.Path, "/inloggen/code") {
		return nil, fmt.Errorf("bench: %s: after the password at %s (%d)", l.Email, res.Request.URL.Path, res.StatusCode)
	}
	code, err := auth.Code(l.Secret, time.Now())
	if err != nil {
		return nil, err
	}
	if res, err = postForm(ctx, c, base+"/inloggen/code", url.Values{"code": {code}}); err != nil {
		return nil, err
	}
	if strings.HasPrefix(res.Request.URL.Path, "/inloggen") || res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("bench: %s: after the code at %s (%d)", l.Email, res.Request.URL.Path, res.StatusCode)
	}
	return c, nil
}

func postForm(ctx context.Context, c *http.Client, u string, form url.Values) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("bench: POST %s: %w", u, err)
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res, err
}

// fetchPage reads the whole page and says how long it is; anything but 200
// is an error.
func fetchPage(ctx context.Context, c *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	res, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: %d", u, res.StatusCode)
	}
	return int(n), err
}
