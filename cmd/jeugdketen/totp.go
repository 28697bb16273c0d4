package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/auth"
)

// totpCode prints the current code for a TOTP secret: the demo prints each
// demo professional's secret, so a newcomer logs in without setting up an
// authenticator app first.
func totpCode(_ context.Context, args []string, out io.Writer) error {
	if len(args) != 1 || args[0] == "-h" || args[0] == "--help" {
		return errors.New("usage: jeugdketen totp SECRET (the TOTP secret the demo printed)")
	}
	code, err := auth.Code(args[0], time.Now())
	if err != nil {
		return fmt.Errorf("not a TOTP secret: %w", err)
	}
	fmt.Fprintln(out, code)
	return nil
}
