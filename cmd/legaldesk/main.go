// Command legaldesk runs the public legal services platform: serve (the
// default), migrate, seed-demo, user create, healthcheck and version.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "legaldesk:", err)
		os.Exit(1)
	}
}

// run is the whole program; end-to-end tests call it with their own
// arguments, environment and output.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(ctx, args, getenv, stdout)
	case "migrate":
		return migrate(ctx, args, getenv, stdout)
	case "seed-demo":
		return seedDemo(ctx, args, getenv, stdout)
	case "user":
		return userCmd(ctx, args, getenv, stdout)
	case "healthcheck":
		return healthcheck(ctx, args, getenv)
	case "version":
		fmt.Fprintln(stdout, "legaldesk", version)
		return nil
	default:
		return fmt.Errorf("unknown command %q (serve, migrate, seed-demo, user create, healthcheck, version)", cmd)
	}
}
