// Package cli is the parallax command line: flags, wiring and output. It
// holds no logic of its own beyond presenting what the stage packages do,
// so that every command can be run in-process by tests through Run.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// Exit statuses.
const (
	ExitOK       = 0
	ExitError    = 1 // the command failed
	ExitRefused  = 3 // the command finished, but some input was refused
	ExitUsage    = 2 // the command line was wrong
	envDB        = "PARALLAX_DB"
	defaultDB    = "parallax.db"
	envLogLevel  = "PARALLAX_LOG"
	logKeyComp   = "component"
	logKeyPath   = "path"
	logKeyDBPath = "db"
)

// IO is where a command reads and writes.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
}

// env is what every command shares: streams, flags and the logger.
type env struct {
	IO
	dbPath   string
	logLevel string
	log      *slog.Logger
	// errTerm reports whether Err is a terminal (progress bars go there).
	errTerm bool
	// outTerm reports whether Out is a terminal (colour, widths).
	outTerm bool
	// status is the exit status a command asks for besides errors.
	status int
	// cpuProfile names a file for a CPU profile of the command.
	cpuProfile  string
	stopProfile func()
}

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// Run runs the parallax command line with args (without the program name)
// and returns the exit status.
func Run(ctx context.Context, args []string, stdio IO) int {
	e := &env{IO: stdio, errTerm: isTerminal(stdio.Err), outTerm: isTerminal(stdio.Out)}
	root := newRoot(e)
	root.SetArgs(args)
	root.SetIn(stdio.In)
	root.SetOut(stdio.Out)
	root.SetErr(stdio.Err)
	err := root.ExecuteContext(ctx)
	if e.stopProfile != nil {
		e.stopProfile()
	}
	if err != nil {
		var xe *exitError
		code := ExitError
		if errors.As(err, &xe) {
			code = xe.code
		} else if isUsage(err) {
			code = ExitUsage
		}
		fmt.Fprintf(stdio.Err, "parallax: %v\n", err)
		return code
	}
	return e.status
}

func isUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "invalid argument", "flag needs an argument", "required flag"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newRoot(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "parallax",
		Short: "Parallax reads news from many outlets and shows one story from every side",
		Long: `Parallax takes in articles from any number of outlets (plain text, JSON lines,
HTML pages, RSS/Atom feeds, TREC/SGML newswire), cleans them, finds which
are copies of which (so that a story repeated by ten sites counts as one
voice), stores them in one SQLite file and searches them. With --events it
also groups them into events and stories.

Start with:  parallax demo`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return e.setup()
		},
	}
	def := os.Getenv(envDB)
	if def == "" {
		def = defaultDB
	}
	root.PersistentFlags().StringVar(&e.dbPath, "db", def, "the store file (env "+envDB+")")
	root.PersistentFlags().StringVar(&e.cpuProfile, "cpuprofile", "", "write a CPU profile to this file")
	root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentFlags().StringVar(&e.logLevel, "log-level", os.Getenv(envLogLevel), "log level: debug, info, warn, error (env "+envLogLevel+"; default warn)")
	root.AddCommand(
		newIngest(e),
		newExtract(e),
		newList(e),
		newShow(e),
		newSearch(e),
		newExport(e),
		newStats(e),
		newDemo(e),
		newEval(e),
		newBench(e),
		newCopies(e),
		newEvents(e),
		newStories(e),
		newStory(e),
		newQuotes(e),
		newWho(e),
		newEntities(e),
		newRecluster(e),
		newCompare(e),
	)
	return root
}

func (e *env) setup() error {
	level := slog.LevelWarn
	if e.logLevel != "" {
		if err := level.UnmarshalText([]byte(e.logLevel)); err != nil {
			return fmt.Errorf("--log-level %q: want debug, info, warn or error", e.logLevel)
		}
	}
	e.log = slog.New(slog.NewTextHandler(e.Err, &slog.HandlerOptions{Level: level}))
	if e.cpuProfile != "" {
		f, err := os.Create(e.cpuProfile)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		e.stopProfile = func() { pprof.StopCPUProfile(); f.Close() }
	}
	return nil
}

// open opens the store named by --db.
func (e *env) open(ctx context.Context, readOnly bool) (store.Store, error) {
	if readOnly {
		if _, err := os.Stat(e.dbPath); err != nil {
			return nil, fmt.Errorf("open store %s: %w (ingest something first, or set --db / $%s)", e.dbPath, err, envDB)
		}
	}
	db, err := sqlite.Open(ctx, e.dbPath, sqlite.Options{ReadOnly: readOnly, Logger: e.log.With(logKeyComp, "store")})
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", e.dbPath, err)
	}
	return db, nil
}
