package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/blueprint"
)

// Exit codes of every command.
const (
	exitOK          = 0 // done; warnings may have been printed
	exitDiagnostics = 1 // the input has errors (printed as file:line:col)
	exitUsage       = 2 // wrong command line, or a file could not be read or written
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// it comes from the module's build information.
var version = ""

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// run is main without the process: it takes the arguments and writers and
// returns the exit code, so that tests can run the CLI in-process.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.Run(args)
	if err == nil {
		return exitOK
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, msg)
		}
		return ec.ExitCode()
	}
	// urfave/cli returns plain errors for usage mistakes (unknown flag,
	// missing value); it has printed the help already where that helps.
	fmt.Fprintf(stderr, "blueprint: %v\n", err)
	return exitUsage
}

// newApp builds the command-line application. It has no global state: the
// writers are its own, and ExitErrHandler keeps urfave/cli from calling
// os.Exit, so run can return the code.
func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:  "blueprint",
		Usage: "klantreizen als service blueprint: valideren, tekenen en vertalen naar een Programma van Eisen",
		Description: "Information advisers write customer journeys (klantreizen) as TOML files; blueprint\n" +
			"checks them, draws them as service blueprints and derives the KCC requirements.\n\n" +
			"Example:\n   blueprint init reis.toml && blueprint validate reis.toml",
		Version:              buildVersion(),
		Writer:               stdout,
		ErrWriter:            stderr,
		HideHelpCommand:      true,
		EnableBashCompletion: false,
		ExitErrHandler:       func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return cli.Exit(fmt.Sprintf("blueprint: %v (see blueprint --help)", err), exitUsage)
		},
		Commands: []*cli.Command{
			validateCommand(),
			initCommand(),
			summaryCommand(),
			catalogueCommand(),
			schemaCommand(),
			renderCommand(),
			matrixCommand(),
			verbeterplanCommand(),
			visieCommand(),
			compareCommand(),
			gemmaCommand(),
			archimateCommand(),
			siteCommand(),
			serveCommand(),
		},
	}
}

// usageError is an error of the command line or of file access: exit 2.
func usageError(format string, args ...any) error {
	return cli.Exit("blueprint: "+fmt.Sprintf(format, args...), exitUsage)
}

// langFlag is the --lang option shared by the commands.
func langFlag() *cli.StringFlag {
	return &cli.StringFlag{Name: "lang", Value: "", Usage: "language of messages and documents: nl or en (default: the project's taal, else nl)"}
}

// langOf reads --lang; an empty value means "the project's default".
func langOf(c *cli.Context) (blueprint.Lang, error) {
	l := c.String("lang")
	if l == "" {
		return "", nil
	}
	lang, err := blueprint.ParseLang(l)
	if err != nil {
		return "", usageError("--lang: %v", err)
	}
	return lang, nil
}

// loaded is the result of reading journeys for a command.
type loaded struct {
	model *blueprint.Model
	diags blueprint.Diagnostics
	files []blueprint.File
	lang  blueprint.Lang // the language for documents: --lang, the project's taal, or nl
}

// read reads and loads the paths given on the command line without
// printing anything; a missing path or unreadable file is a usage error.
func read(c *cli.Context, lang blueprint.Lang) (*loaded, error) {
	paths := c.Args().Slice()
	if len(paths) == 0 {
		return nil, usageError("%s: name one or more journey files or folders (see blueprint %s --help)", c.Command.Name, c.Command.Name)
	}
	files, err := blueprint.ReadPaths(paths)
	if err != nil {
		return nil, usageError("%v", err)
	}
	model, diags := blueprint.LoadFiles(files, blueprint.Options{Lang: lang.Or(blueprint.Dutch)})
	l := &loaded{model: model, diags: diags, files: files, lang: lang}
	if l.lang == "" {
		l.lang, _ = blueprint.ParseLang(model.Project.Language)
	}
	return l, nil
}

// load reads the paths given on the command line, prints the diagnostics
// on stderr and returns an exit error when there are errors. Warnings are
// printed but do not stop the command.
func load(c *cli.Context, lang blueprint.Lang) (*loaded, error) {
	l, err := read(c, lang)
	if err != nil {
		return nil, err
	}
	if err := reportDiagnostics(c, l.diags, blueprint.SourceMap(l.files), lang, diagText); err != nil {
		return l, err
	}
	return l, nil
}

// wantColor reports whether w is a terminal that wants colour: a character
// device, and NO_COLOR not set (https://no-color.org).
func wantColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
