package bench

import (
	"bufio"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Server is a `jeugdketen serve` process started for a measurement, on a
// free loopback port.
type Server struct {
	URL   string
	Ready time.Duration // from starting the process to the first ready answer
	cmd   *exec.Cmd
	exit  chan error
	token string // for /metrics
}

// StartServer runs exe serve with args on a free loopback port and waits
// until it answers /readyz.
func StartServer(ctx context.Context, exe string, args []string, log io.Writer) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("bench: no free loopback port: %w", err)
	}
	addr := ln.Addr().String()
	ln.Close()
	token := rand.Text()
	cmd := exec.Command(exe, append([]string{"serve", "--addr", addr, "--metrics-token", token}, args...)...)
	cmd.Stdout, cmd.Stderr = log, log
	s := &Server{URL: "http://" + addr, cmd: cmd, exit: make(chan error, 1), token: token}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("bench: unable to start the server: %w", err)
	}
	go func() { s.exit <- cmd.Wait() }()
	hc := &http.Client{Timeout: time.Second}
	deadline := time.After(2 * time.Minute)
	for {
		if resp, err := hc.Get(s.URL + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				s.Ready = time.Since(start)
				return s, nil
			}
		}
		select {
		case err := <-s.exit:
			return nil, fmt.Errorf("bench: the server stopped before it was ready: %v", err)
		case <-deadline:
			s.Stop()
			return nil, errors.New("bench: the server was not ready within 2 minutes")
		case <-ctx.Done():
			s.Stop()
			return nil, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// Memory is what the kernel says of the server's memory, in bytes.
type Memory struct {
	Peak    int64 // VmHWM: the most resident memory at any moment
	Current int64 // VmRSS
	Anon    int64 // RssAnon: the part that is the process's own, not file pages
}

// Memory reads /proc/<pid>/status (Linux).
func (s *Server) Memory() (Memory, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return Memory{}, fmt.Errorf("bench: unable to read the server's memory: %w", err)
	}
	defer f.Close()
	var m Memory
	fields := map[string]*int64{"VmHWM:": &m.Peak, "VmRSS:": &m.Current, "RssAnon:": &m.Anon}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Fields(sc.Text())
		if len(parts) == 3 && parts[2] == "kB" {
			if p := fields[parts[0]]; p != nil {
				kb, _ := strconv.ParseInt(parts[1], 10, 64)
				*p = kb * 1024
			}
		}
	}
	return m, sc.Err()
}

// Stop asks the server to shut down and waits for it; after 30 seconds it
// is killed.
func (s *Server) Stop() error {
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.exit:
		return err
	case <-time.After(30 * time.Second):
		s.cmd.Process.Kill()
		return errors.New("bench: the server did not stop within 30 s and was killed")
	}
}

// Metric reads one unlabelled metric from the server's /metrics.
func (s *Server) Metric(name string) (float64, error) {
	req, err := http.NewRequest(http.MethodGet, s.URL+"/metrics", nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, fmt.Errorf("bench: unable to read metrics: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("bench: metrics answered %s", resp.Status)
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			return strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
	}
	return 0, fmt.Errorf("bench: the server has no metric %s", name)
}
