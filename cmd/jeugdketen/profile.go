package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime"
	rpprof "runtime/pprof"
)

// startProfile writes a CPU profile of the whole command to the file named by
// JEUGDKETEN_CPUPROFILE, and a heap profile next to it (.heap) when the
// command ends; for finding where a benchmark spends its time. The returned
// function stops it.
func startProfile() (stop func(), err error) {
	path := env("CPUPROFILE", "")
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("JEUGDKETEN_CPUPROFILE: %w", err)
	}
	if err := rpprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("JEUGDKETEN_CPUPROFILE: %w", err)
	}
	return func() {
		rpprof.StopCPUProfile()
		f.Close()
		if h, err := os.Create(path + ".heap"); err == nil {
			runtime.GC()
			rpprof.WriteHeapProfile(h)
			h.Close()
		}
	}, nil
}

// servePprof serves Go's profiler on a loopback address of its own, never on
// the public listener: go tool pprof http://127.0.0.1:6060/debug/pprof/profile.
func servePprof(addr string) (*http.Server, error) {
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("--pprof: %q is not a loopback address with a port, such as 127.0.0.1:6060", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--pprof: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	return srv, nil
}
