package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

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
// Standard input is the process's own; runWith takes another.
func run(args []string, stdout, stderr io.Writer) int {
	return runWith(args, os.Stdin, stdout, stderr)
}

// runWith is run with standard input given: a journey read from "-".
func runWith(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	stop := cleanupOnSignal(stderr)
	defer stop()
	app := newApp(stdout, stderr)
	app.Reader = stdin
	args = reorderArgs(app, args)
	app.Metadata = map[string]any{argsKey: args}
	err := app.Run(args)
	if err == nil {
		return exitOK
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, msg)
		}
		switch code := ec.ExitCode(); code {
		case exitOK, exitDiagnostics, exitUsage:
			return code
		default:
			return exitUsage // only the documented codes
		}
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
	app := &cli.App{
		Name:  "blueprint",
		Usage: "klantreizen als service blueprint: valideren, tekenen en vertalen naar een Programma van Eisen",
		Description: "Information advisers write customer journeys (klantreizen) as TOML files; blueprint\n" +
			"checks them, draws them as service blueprints and derives the KCC requirements.\n" +
			"Flags may come before or after the paths; a path - reads a journey from standard input.\n" +
			"blueprint help COMMAND (or blueprint COMMAND --help) shows the help of a command.\n" +
			"Exit codes: 0 done, 1 problems in the input, 2 wrong command line or a file that\n" +
			"cannot be read or written.\n\n" +
			"Example:\n   blueprint init reis.toml && blueprint validate reis.toml",
		Version:              buildVersion(),
		Writer:               stdout,
		ErrWriter:            stderr,
		HideHelpCommand:      true, // ours is helpCommand: exit 2 for an unknown topic
		EnableBashCompletion: true,
		BashComplete:         completeCommands,
		ExitErrHandler:       func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return cli.Exit(fmt.Sprintf("blueprint: %v (see blueprint --help)", err), exitUsage)
		},
		// With a help command of our own, urfave/cli does not add --help.
		Flags: []cli.Flag{cli.HelpFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return unknownCommand(c, c.Args().First())
			}
			return cli.ShowAppHelp(c)
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
			completionCommand(),
			manCommand(),
			helpCommand(),
		},
	}
	for _, cmd := range app.Commands {
		cmd.HideHelpCommand = true // "validate help" is not a topic but a path
		if cmd.BashComplete == nil {
			cmd.BashComplete = completeFlags(cmd)
		}
	}
	return app
}

// helpCommand prints the help of the program or of one command. An
// unknown command is a usage error (exit 2), with a suggestion.
func helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     "show the commands, or the help of one command",
		ArgsUsage: "[COMMAND]",
		Description: "Without a command it lists the commands; with one it shows that command's help,\n" +
			"as COMMAND --help does.\n\n" +
			"Example:\n   blueprint help render",
		// "help --help" shows the program's help (urfave/cli's rule for a
		// command named help), which says how to use this one.
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return cli.ShowAppHelp(c)
			}
			if c.NArg() > 1 {
				return usageError("help: name one command, such as blueprint help render")
			}
			name := c.Args().First()
			if c.App.Command(name) == nil {
				return unknownCommand(c, name)
			}
			root := c.Lineage()[1]
			return cli.ShowCommandHelp(root, name)
		},
	}
}

// unknownCommand is the usage error for a command that does not exist.
func unknownCommand(c *cli.Context, name string) error {
	var names []string
	for _, cmd := range c.App.Commands {
		if !cmd.Hidden {
			names = append(names, cmd.Name)
		}
	}
	hint := ""
	if s := blueprint.Suggest(name, names); s != "" {
		hint = fmt.Sprintf("; did you mean %q?", s)
	}
	return usageError("unknown command %q%s (the commands: %s; see blueprint --help)", name, hint, strings.Join(names, ", "))
}

// reorderArgs moves the flags that follow a command's paths in front of
// them, so that "validate examples/ --format json" reads --format as a
// flag: urfave/cli v2 stops reading flags at the first path. Everything
// after "--" stays a path and "-" (standard input) is a path; a command
// line being completed is left as typed.
func reorderArgs(app *cli.App, args []string) []string {
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" && args[i] != "--" {
		i++ // the program's own flags (--help, --version) take no value
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	rest := args[i+1:]
	if n := len(rest); n > 0 && rest[n-1] == "--generate-bash-completion" {
		return args // completion reads the words as typed
	}
	var flags, paths []string
	dashes := false
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			dashes = true
			paths = append(paths, rest[j+1:]...)
			j = len(rest)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if !strings.Contains(a, "=") && takesValue(cmd, a) && j+1 < len(rest) {
				flags = append(flags, rest[j+1])
				j++
			}
		default:
			paths = append(paths, a)
		}
	}
	out := append(append([]string{}, args[:i+1]...), flags...)
	if dashes {
		out = append(out, "--")
	}
	return append(out, paths...)
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

// stdinName is the name of a journey read from standard input ("-").
const stdinName = "<stdin>"

// read reads and loads the paths given on the command line without
// printing anything; a missing path or unreadable file is a usage error.
// The path "-" reads one journey from standard input.
func read(c *cli.Context, lang blueprint.Lang) (*loaded, error) {
	return readHanding(c, lang, nil)
}

// readHanding is read with each file handed to decoded once it is
// decoded (blueprint.Options.Decoded).
func readHanding(c *cli.Context, lang blueprint.Lang, decoded func(*blueprint.File)) (*loaded, error) {
	paths := c.Args().Slice()
	if len(paths) == 0 {
		return nil, usageError("%s: name one or more journey files or folders, or - for standard input (see blueprint %s --help)", c.Command.Name, c.Command.Name)
	}
	var disk []string
	stdin := false
	for _, p := range paths {
		if p != "-" {
			disk = append(disk, p)
			continue
		}
		if stdin {
			return nil, usageError("%s: - (standard input) can be read once", c.Command.Name)
		}
		stdin = true
	}
	var files []blueprint.File
	if len(disk) > 0 {
		var err error
		if files, err = blueprint.ReadPaths(disk); err != nil {
			return nil, usageError("%v", err)
		}
	}
	if stdin {
		src, err := blueprint.ReadLimited(c.App.Reader)
		if err != nil {
			return nil, usageError("standard input: %v", err)
		}
		f := blueprint.File{Name: stdinName, Src: src}
		if len(src) > blueprint.MaxFileSize {
			f = blueprint.File{Name: stdinName, Size: int64(len(src))}
		}
		files = append(files, f)
	}
	rememberNames(c, files)
	model, diags := blueprint.LoadFiles(files, blueprint.Options{Lang: lang.Or(blueprint.Dutch), Decoded: decoded})
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
