// Package mailcatcher is a real SMTP server that accepts every message on a
// loopback address and keeps it in memory. `jeugdketen demo` points its mail
// sender at it so a newcomer can read the sent e-mails in the browser, and
// tests use it to check that an e-mail arrived, decoded, exactly once.
// It never relays: nothing it receives leaves the process.
package mailcatcher

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// MaxMessageBytes is the largest message accepted; larger ones get 552.
const MaxMessageBytes = 1 << 20

// ErrClosed is returned by WaitFor when the catcher closes before enough
// mails arrived.
var ErrClosed = errors.New("mailcatcher: closed")

// Catcher is a running SMTP server with the mails it received.
type Catcher struct {
	server   *smtp.Server
	listener net.Listener
	served   chan struct{} // closed when Serve returned
	closed   chan struct{} // closed by Close, wakes WaitFor
	once     sync.Once

	mu       sync.Mutex
	mails    []Mail
	arrived  chan struct{} // closed and replaced on every arrival
	failNext int
	refused  map[string]bool // recipients answered 550 5.1.1
	now      func() time.Time
}

// Start listens on addr, which must be a loopback address such as
// "127.0.0.1:0", and serves SMTP in a goroutine until Close. A catcher
// reachable from other machines would collect other people's mail.
func Start(addr string) (*Catcher, error) {
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("mailcatcher: unable to listen on %s: %w", addr, err)
	}
	c := &Catcher{
		listener: l,
		served:   make(chan struct{}),
		closed:   make(chan struct{}),
		arrived:  make(chan struct{}),
		now:      time.Now,
	}
	c.server = newServer(c)
	go func() {
		defer close(c.served)
		c.server.Serve(l)
	}()
	return c, nil
}

func newServer(c *Catcher) *smtp.Server {
	s := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{catcher: c}, nil
	}))
	s.Domain = "localhost"
	s.MaxMessageBytes = MaxMessageBytes
	s.AllowInsecureAuth = true
	s.ReadTimeout = time.Minute
	s.WriteTimeout = time.Minute
	s.ErrorLog = log.New(os.Stderr, "mailcatcher: ", log.LstdFlags)
	return s
}

func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("mailcatcher: invalid address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("mailcatcher: address %q is not a loopback address", addr)
	}
	return nil
}

// Addr is the host:port the catcher actually listens on.
func (c *Catcher) Addr() string {
	return c.listener.Addr().String()
}

// Close stops the server, drops open connections and wakes every WaitFor.
// The mails stay readable.
func (c *Catcher) Close() error {
	var err error
	c.once.Do(func() {
		close(c.closed)
		err = c.server.Close()
		// go-smtp only knows the listener once Serve has run; a Close right
		// after Start could otherwise leave Serve accepting for ever.
		if lerr := c.listener.Close(); err == nil && lerr != nil && !errors.Is(lerr, net.ErrClosed) {
			err = lerr
		}
		<-c.served
	})
	return err
}

// Mails returns a copy of the received mails in arrival order.
func (c *Catcher) Mails() []Mail {
	c.mu.Lock()
	defer c.mu.Unlock()
	return copyMails(c.mails)
}

// WaitFor blocks until at least n mails arrived and returns them all. When ctx
// ends or the catcher closes first, it returns the mails so far and an error.
func (c *Catcher) WaitFor(ctx context.Context, n int) ([]Mail, error) {
	for {
		c.mu.Lock()
		mails, arrived := copyMails(c.mails), c.arrived
		c.mu.Unlock()
		if len(mails) >= n {
			return mails, nil
		}
		select {
		case <-arrived:
		case <-c.closed:
			return mails, fmt.Errorf("mailcatcher: %d of %d mails arrived: %w", len(mails), n, ErrClosed)
		case <-ctx.Done():
			return mails, fmt.Errorf("mailcatcher: %d of %d mails arrived: %w", len(mails), n, ctx.Err())
		}
	}
}

// SetFailNext makes the next n DATA commands fail with 451, a temporary
// failure, so tests can see a sender retry. The failed messages are not kept.
func (c *Catcher) SetFailNext(n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.failNext = n
}

// Refuse makes the catcher answer RCPT TO for address with 550 5.1.1, as a
// server does for a mailbox that does not exist, so tests and the demo can
// see mail refused for good. The comparison ignores case.
func (c *Catcher) Refuse(address string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.refused == nil {
		c.refused = map[string]bool{}
	}
	c.refused[strings.ToLower(address)] = true
}

// refuses reports whether Refuse was asked for address.
func (c *Catcher) refuses(address string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.refused[strings.ToLower(address)]
}

// shouldFail uses up one requested failure, if any is left.
func (c *Catcher) shouldFail() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.failNext <= 0 {
		return false
	}
	c.failNext--
	return true
}

func (c *Catcher) add(from string, to []string, raw []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := parse(raw)
	m.ID = len(c.mails) + 1
	m.From = from
	m.To = append([]string(nil), to...)
	m.Date = c.now()
	c.mails = append(c.mails, m)
	close(c.arrived)
	c.arrived = make(chan struct{})
}

// mail returns the mail with the given ID.
func (c *Catcher) mail(id int) (Mail, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if id < 1 || id > len(c.mails) {
		return Mail{}, false
	}
	return c.mails[id-1].clone(), true
}

func copyMails(mails []Mail) []Mail {
	out := make([]Mail, len(mails))
	for i, m := range mails {
		out[i] = m.clone()
	}
	return out
}
