package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/dimpact/blueprint/render"
	"github.com/dimpact/blueprint/requirements/formats"
)

// Shell completion. urfave/cli answers a command line that ends in
// --generate-bash-completion with the words that may come next; the
// scripts below ask it on every Tab. Commands and flags come from the
// program, the values of --format, --lang, --size and --lanes too; a path
// is completed by the shell itself.

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell script that completes blueprint's commands, flags and values",
		ArgsUsage: "bash|zsh|fish",
		Description: "Prints a completion script for bash, zsh or fish. Load it in the shell's start-up\n" +
			"file, or save it where the shell looks for completions.\n\n" +
			"Examples:\n" +
			"   echo 'source <(blueprint completion bash)' >> ~/.bashrc\n" +
			"   blueprint completion zsh > \"${fpath[1]}/_blueprint\"\n" +
			"   blueprint completion fish > ~/.config/fish/completions/blueprint.fish",
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageError("completion: name the shell: bash, zsh or fish")
			}
			switch shell := c.Args().First(); shell {
			case "bash":
				_, err := io.WriteString(c.App.Writer, bashCompletion)
				return err
			case "zsh":
				_, err := io.WriteString(c.App.Writer, zshCompletion)
				return err
			case "fish":
				return writeFishCompletion(c.App.Writer, c.App)
			default:
				return usageError("completion: unknown shell %q; use bash, zsh or fish", shell)
			}
		},
	}
}

// bashCompletion is adapted from urfave/cli's autocomplete/bash_autocomplete
// (MIT licence). When the program offers nothing, bash completes file names.
const bashCompletion = `# bash completion for blueprint; load with: source <(blueprint completion bash)
_blueprint_complete() {
  local cur words cword opts
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  words=("${COMP_WORDS[@]:0:$COMP_CWORD}")
  if [[ "$cur" == -* ]]; then
    opts=$("${words[@]}" "$cur" --generate-bash-completion 2>/dev/null)
  else
    opts=$("${words[@]}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "${opts}" -- "${cur}"))
  return 0
}
complete -o bashdefault -o default -F _blueprint_complete blueprint
`

// zshCompletion is adapted from urfave/cli's autocomplete/zsh_autocomplete
// (MIT licence). When the program offers nothing, zsh completes files.
const zshCompletion = `#compdef blueprint
# zsh completion for blueprint; save as _blueprint in a folder of $fpath,
# or load with: source <(blueprint completion zsh)
_blueprint() {
  local -a opts
  local cur=${words[-1]}
  if [[ "$cur" == -* ]]; then
    opts=("${(@f)$(${words[@]:0:#words[@]-1} ${cur} --generate-bash-completion 2>/dev/null)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion 2>/dev/null)}")
  fi
  if [[ "${opts[1]}" != "" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
if [[ "$(basename -- ${(%):-%x})" != "_blueprint" ]]; then
  compdef _blueprint blueprint
fi
`

// writeFishCompletion writes urfave/cli's fish completion of the commands
// and flags.
func writeFishCompletion(w io.Writer, app *cli.App) error {
	s, err := app.ToFishCompletion()
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, s)
	return err
}

// completeCommands offers the commands after "blueprint", and the
// program's flags after a -.
func completeCommands(c *cli.Context) {
	if last := lastWord(c); strings.HasPrefix(last, "-") {
		for _, name := range []string{"--help", "--version"} {
			if strings.HasPrefix(name, last) {
				fmt.Fprintln(c.App.Writer, name)
			}
		}
		return
	}
	for _, cmd := range c.App.Commands {
		if !cmd.Hidden {
			fmt.Fprintln(c.App.Writer, cmd.Name)
		}
	}
}

// completeFlags offers a command's flags after a -, the values of a flag
// that has a fixed set of them, and nothing otherwise (so the shell
// completes a path).
func completeFlags(cmd *cli.Command) cli.BashCompleteFunc {
	return func(c *cli.Context) {
		last := lastWord(c)
		if values := flagValues(cmd.Name, strings.TrimLeft(last, "-")); strings.HasPrefix(last, "-") && values != nil && takesValue(cmd, last) {
			for _, v := range values {
				fmt.Fprintln(c.App.Writer, v)
			}
			return
		}
		if cmd.Name == "completion" && !strings.HasPrefix(last, "-") {
			for _, v := range []string{"bash", "zsh", "fish"} {
				fmt.Fprintln(c.App.Writer, v)
			}
			return
		}
		if cmd.Name == "help" {
			completeCommands(c)
			return
		}
		if !strings.HasPrefix(last, "-") {
			return
		}
		for _, f := range cmd.Flags {
			for _, name := range f.Names() {
				flag := "--" + name
				if len(name) == 1 {
					flag = "-" + name
				}
				if strings.HasPrefix(flag, last) {
					fmt.Fprintln(c.App.Writer, flag)
				}
			}
		}
	}
}

// flagValues are the values offered after a flag of a command; nil when
// the flag's values are free (a file, a name).
func flagValues(command, flag string) []string {
	switch flag {
	case "lang":
		return []string{"nl", "en"}
	case "size":
		return []string{"screen", "a3", "a2", "a1", "a0"}
	case "lanes":
		return laneNames()
	case "format":
		switch command {
		case "render":
			var names []string
			for _, f := range render.Formats() {
				names = append(names, string(f.Format))
			}
			return names
		case "matrix":
			return formats.Names()
		default:
			return []string{"text", "json"}
		}
	}
	return nil
}

// takesValue reports whether flag (--name or -n) is one of cmd's flags
// that take a value.
func takesValue(cmd *cli.Command, flag string) bool {
	name := strings.TrimLeft(flag, "-")
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				_, isBool := f.(*cli.BoolFlag)
				return !isBool
			}
		}
	}
	return false
}

// lastWord is the word before --generate-bash-completion: the word being
// completed when it starts with -, else the word before it.
func lastWord(c *cli.Context) string {
	args := os.Args
	if a, ok := c.App.Metadata[argsKey].([]string); ok {
		args = a
	}
	if len(args) > 2 {
		return args[len(args)-2]
	}
	return ""
}

// argsKey is where runWith keeps the command line, for completion.
const argsKey = "blueprint.args"
