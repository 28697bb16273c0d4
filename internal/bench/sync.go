package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// SyncOptions says how to measure a synchronisation (issue 16) against the
// same registrations sent one by one.
type SyncOptions struct {
	URL    string // a running server on loopback
	Tokens []Token
	// CPU, when set, reads the server's processor time, to tell what each
	// way costs apart from what other processes take from the machine.
	CPU   func() (time.Duration, error)
	Youth int // how many generated youths exist (BSNs order)
	Lines int // lines in the one synchronisation
	// OneByOne registrations are sent one at a time per client, by Clients
	// clients at once, about other youths than the list's.
	OneByOne int
	Clients  int
}

// SyncResult is what was measured.
type SyncResult struct {
	Lines       int
	SyncElapsed time.Duration
	Counts      model.SyncCounts

	OneByOne        int
	OneByOneErrors  int
	OneByOneElapsed time.Duration
	Clients         int

	SyncCPU, OneByOneCPU time.Duration // the server's processor time for each, when known
}

// SyncRate is the synchronisation's lines per second.
func (r SyncResult) SyncRate() float64 { return float64(r.Lines) / r.SyncElapsed.Seconds() }

// OneByOneRate is the one-by-one registrations per second.
func (r SyncResult) OneByOneRate() float64 { return float64(r.OneByOne) / r.OneByOneElapsed.Seconds() }

// MeasureSync sends one synchronisation of Lines lines as a care provider's
// professional (the first token of a zorgaanbieder), then OneByOne other
// registrations one by one through POST /api/v1/registraties.
func MeasureSync(ctx context.Context, opt SyncOptions) (SyncResult, error) {
	if err := CheckLoopback(opt.URL); err != nil {
		return SyncResult{}, err
	}
	var tok *Token
	for i := range opt.Tokens {
		if opt.Tokens[i].Role == string(model.RoleZorgaanbieder) {
			tok = &opt.Tokens[i]
			break
		}
	}
	if tok == nil {
		return SyncResult{}, errors.New("bench: no token of a care provider (zorgaanbieder) in the tokens file")
	}
	if opt.Lines+opt.OneByOne > opt.Youth {
		return SyncResult{}, fmt.Errorf("bench: %d lines and %d one by one need as many youths, there are %d", opt.Lines, opt.OneByOne, opt.Youth)
	}
	if opt.Clients < 1 {
		opt.Clients = 1
	}
	bsns := BSNs(opt.Lines + opt.OneByOne)
	hc := &http.Client{Timeout: 10 * time.Minute}
	res := SyncResult{Lines: opt.Lines, OneByOne: opt.OneByOne, Clients: opt.Clients}

	type line struct {
		BSN   string `json:"burgerservicenummer"`
		Soort string `json:"soort"`
	}
	lines := make([]line, opt.Lines)
	for i := range lines {
		lines[i] = line{bsns[i], string(model.KindKetenregistratie)}
	}
	body, _ := json.Marshal(map[string]any{"volledig": false, "aantalRegels": len(lines), "regels": lines})
	cpu := func() time.Duration {
		if opt.CPU == nil {
			return 0
		}
		d, _ := opt.CPU()
		return d
	}
	cpu0 := cpu()
	start := time.Now()
	var answer struct {
		Aantallen model.SyncCounts `json:"aantallen"`
	}
	if err := post(ctx, hc, opt.URL+"/api/v1/synchronisaties", tok.Token, body, &answer); err != nil {
		return res, fmt.Errorf("bench: synchronisation: %w", err)
	}
	res.SyncElapsed, res.Counts = time.Since(start), answer.Aantallen
	cpu1 := cpu()
	res.SyncCPU = cpu1 - cpu0

	next := atomic.Int64{}
	var failed atomic.Int64
	var wg sync.WaitGroup
	start = time.Now()
	for c := 0; c < opt.Clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= opt.OneByOne || ctx.Err() != nil {
					return
				}
				b, _ := json.Marshal(line{bsns[opt.Lines+i], string(model.KindKetenregistratie)})
				if err := post(ctx, hc, opt.URL+"/api/v1/registraties", tok.Token, b, nil); err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	res.OneByOneElapsed, res.OneByOneErrors = time.Since(start), int(failed.Load())
	res.OneByOneCPU = cpu() - cpu1
	return res, ctx.Err()
}

// post sends a JSON body; an answer of 400 or more is an error, except the
// 400 of a registration the register refuses (a generated youth of 23 has
// passed the age limit): that is an answer like any other.
func post(ctx context.Context, hc *http.Client, url, token string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 && resp.StatusCode != http.StatusBadRequest {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 500))
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, msg)
	}
	if out == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
