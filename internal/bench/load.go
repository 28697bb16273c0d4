package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Operations the harness mixes, as a professional or client system does them.
const (
	OpRegister = "registreren" // a registration about a random youth (sometimes a match)
	OpRepeat   = "herhalen"    // the same registration sent again (200, nothing sent)
	OpEnd      = "beeindigen"  // ending one of the client's own registrations
	OpInbox    = "berichten"   // reading the inbox
	OpYouth    = "jeugdige"    // reading a youth's page
)

// DefaultMix is the share of each operation in percent.
var DefaultMix = map[string]int{OpRegister: 50, OpRepeat: 10, OpEnd: 5, OpInbox: 20, OpYouth: 15}

// LoadOptions says how hard and how long to drive the server.
type LoadOptions struct {
	URL      string // base address on a loopback interface, http://127.0.0.1:8080
	Tokens   []Token
	Clients  int
	Duration time.Duration // stop after this long…
	Requests int           // …or after this many requests, whichever is first (0: no count limit)
	Youth    int           // how many generated youths exist (bench.BSNs order)
	HotShare float64       // share of registrations aimed at a small pool, to make matches (default 0.3)
	Mix      map[string]int
	Seed     uint64
}

// OpStats is one operation's figures.
type OpStats struct {
	Name               string
	Count, Errors      int
	P50, P95, P99, Max time.Duration
}

// LoadResult is what a run measured.
type LoadResult struct {
	Elapsed time.Duration
	Ops     []OpStats
	Errors  map[string]int // first words of error answers, counted
}

// PerSecond returns an operation's throughput.
func (r LoadResult) PerSecond(op string) float64 {
	for _, o := range r.Ops {
		if o.Name == op {
			return float64(o.Count-o.Errors) / r.Elapsed.Seconds()
		}
	}
	return 0
}

// CheckLoopback refuses any target that is not this machine: load is only
// ever sent to the loopback range.
func CheckLoopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return fmt.Errorf("bench: %q is no URL", raw)
	}
	if u.Hostname() == "localhost" {
		return nil
	}
	ip := net.ParseIP(u.Hostname())
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("bench: load is only sent to loopback addresses (127.0.0.0/8, ::1, localhost), not %s", u.Hostname())
	}
	return nil
}

type sample struct {
	op  string
	d   time.Duration
	err string
}

// Load drives the server with opt.Clients concurrent clients.
func Load(ctx context.Context, opt LoadOptions) (LoadResult, error) {
	if err := CheckLoopback(opt.URL); err != nil {
		return LoadResult{}, err
	}
	if len(opt.Tokens) == 0 || opt.Clients < 1 || opt.Youth < 1 {
		return LoadResult{}, errors.New("bench: need tokens, at least one client and the number of generated youths")
	}
	if opt.Duration <= 0 {
		opt.Duration = 30 * time.Second
	}
	if opt.Mix == nil {
		opt.Mix = DefaultMix
	}
	if opt.HotShare == 0 {
		opt.HotShare = 0.3
	}
	bsns := BSNs(opt.Youth)
	transport := &http.Transport{MaxIdleConns: opt.Clients * 2, MaxIdleConnsPerHost: opt.Clients * 2, IdleConnTimeout: time.Minute}
	defer transport.CloseIdleConnections()
	hc := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	ctx, cancel := context.WithTimeout(ctx, opt.Duration)
	defer cancel()

	var (
		mu      sync.Mutex
		samples []sample
		sent    int
	)
	take := func() bool { // one more request within the count limit?
		mu.Lock()
		defer mu.Unlock()
		if opt.Requests > 0 && sent >= opt.Requests {
			return false
		}
		sent++
		return true
	}
	start := time.Now()
	var wg sync.WaitGroup
	for c := range opt.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cl := &client{hc: hc, base: strings.TrimRight(opt.URL, "/"), token: opt.Tokens[c%len(opt.Tokens)], bsns: bsns, opt: opt,
				rng: rand.New(rand.NewPCG(opt.Seed, uint64(c)))}
			var local []sample
			for ctx.Err() == nil && take() {
				op := cl.pick()
				t0 := time.Now()
				err := cl.do(ctx, op)
				if ctx.Err() != nil {
					break // cut off by the time limit: not a measurement
				}
				s := sample{op: op, d: time.Since(t0)}
				if err != nil {
					s.err = err.Error()
				}
				local = append(local, s)
			}
			mu.Lock()
			samples = append(samples, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return summarise(samples, time.Since(start)), nil
}

func summarise(samples []sample, elapsed time.Duration) LoadResult {
	res := LoadResult{Elapsed: elapsed, Errors: map[string]int{}}
	byOp := map[string][]time.Duration{}
	errs := map[string]int{}
	for _, s := range samples {
		byOp[s.op] = append(byOp[s.op], s.d)
		if s.err != "" {
			errs[s.op]++
			res.Errors[s.err]++
		}
	}
	names := make([]string, 0, len(byOp))
	for n := range byOp {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ds := byOp[n]
		slices.Sort(ds)
		q := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
		res.Ops = append(res.Ops, OpStats{Name: n, Count: len(ds), Errors: errs[n], P50: q(0.50), P95: q(0.95), P99: q(0.99), Max: ds[len(ds)-1]})
	}
	return res
}

// client is one simulated professional.
type client struct {
	hc    *http.Client
	base  string
	token Token
	bsns  []string
	opt   LoadOptions
	rng   *rand.Rand
	mine  []made // registrations this client made and has not ended
}

type made struct {
	id   int64
	ref  string
	body []byte
}

func (c *client) pick() string {
	total := 0
	for _, w := range c.opt.Mix {
		total += w
	}
	n := c.rng.IntN(max(total, 1))
	for _, op := range []string{OpRegister, OpRepeat, OpEnd, OpInbox, OpYouth} {
		if n < c.opt.Mix[op] {
			if op != OpRegister && op != OpInbox && len(c.mine) == 0 {
				return OpRegister // nothing of its own yet to repeat, end or read
			}
			return op
		}
		n -= c.opt.Mix[op]
	}
	return OpInbox
}

func (c *client) do(ctx context.Context, op string) error {
	switch op {
	case OpRegister:
		youth := c.rng.IntN(len(c.bsns))
		if c.rng.Float64() < c.opt.HotShare {
			youth = c.rng.IntN(min(len(c.bsns), 10_000)) // a small pool where organisations meet
		}
		kind := "signaal"
		if c.token.Role == "zorgaanbieder" {
			kind = "ketenregistratie"
		}
		body, _ := json.Marshal(map[string]string{"burgerservicenummer": c.bsns[youth], "soort": kind})
		var out struct {
			ID       int64 `json:"id"`
			Jeugdige struct {
				Referentie string `json:"referentie"`
			} `json:"jeugdige"`
		}
		if err := c.call(ctx, http.MethodPost, "/api/v1/registraties", body, &out); err != nil {
			return err
		}
		for _, m := range c.mine {
			if m.id == out.ID {
				return nil // the same registration again (a hot youth): kept once, or ending it leaves a stale entry
			}
		}
		c.mine = append(c.mine, made{out.ID, out.Jeugdige.Referentie, body})
	case OpRepeat:
		m := c.mine[c.rng.IntN(len(c.mine))]
		return c.call(ctx, http.MethodPost, "/api/v1/registraties", m.body, nil)
	case OpEnd:
		i := c.rng.IntN(len(c.mine))
		m := c.mine[i]
		c.mine = append(c.mine[:i], c.mine[i+1:]...)
		return c.call(ctx, http.MethodPost, fmt.Sprintf("/api/v1/registraties/%d/beeindigen", m.id), nil, nil)
	case OpInbox:
		return c.call(ctx, http.MethodGet, "/api/v1/berichten", nil, nil)
	case OpYouth:
		m := c.mine[c.rng.IntN(len(c.mine))]
		return c.call(ctx, http.MethodGet, "/api/v1/jeugdigen/"+m.ref, nil, nil)
	}
	return nil
}

func (c *client) call(ctx context.Context, method, path string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token.Token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		io.Copy(io.Discard, resp.Body)
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	if out == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
