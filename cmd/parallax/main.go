// Command parallax reads news from many outlets and shows one story from
// every side. See `parallax --help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/parallax-news/parallax/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}
