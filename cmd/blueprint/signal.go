package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// exitSignal is what the process exits with when interrupted: 128 plus the
// signal's number, as shells do (130 for Ctrl-C, 143 for SIGTERM).
func exitSignal(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + 2
}

// cleanupOnSignal makes an interrupted run (Ctrl-C, SIGINT, SIGTERM)
// remove the temporary files being written (see writeAtomic) before it
// exits, so that nothing half-written is left behind. The returned func
// ends the watch.
func cleanupOnSignal(stderr io.Writer) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			temps.removeAll() // and keeps new ones from being made
			fmt.Fprintf(stderr, "blueprint: interrupted (%v); no half-written files were left\n", sig)
			os.Exit(exitSignal(sig))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
