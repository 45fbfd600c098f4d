package gvwasm

import (
	"errors"
	"fmt"

	"github.com/tetratelabs/wazero/api"
)

// hostFunc is a function the module imports: its module, name and
// signature.
type hostFunc struct {
	module, name    string
	params, results []api.ValueType
}

// importedFuncs reads the functions a WebAssembly binary imports from its
// type and import sections. wazero's CompiledModule.ImportedFunctions
// gives the same, but builds the definitions of all the module's
// thousands of functions first (about 10 ms at every start).
func importedFuncs(bin []byte) ([]hostFunc, error) {
	if len(bin) < 8 || string(bin[:4]) != "\x00asm" {
		return nil, errors.New("not a WebAssembly module")
	}
	r := &reader{b: bin[8:]}
	var types [][2][]api.ValueType
	var funcs []hostFunc
	for r.err == nil && len(r.b) > 0 {
		id := r.byte()
		size := r.u32()
		if r.err == nil && int(size) > len(r.b) {
			r.err = errShort
		}
		if r.err != nil {
			break
		}
		sec := &reader{b: r.b[:size]}
		r.b = r.b[size:]
		switch id {
		case 1: // types
			for n := sec.u32(); n > 0 && sec.err == nil; n-- {
				if sec.byte() != 0x60 {
					return nil, errors.New("unknown function type")
				}
				params := sec.valueTypes()
				results := sec.valueTypes()
				types = append(types, [2][]api.ValueType{params, results})
			}
		case 2: // imports
			for n := sec.u32(); n > 0 && sec.err == nil; n-- {
				module, name := sec.name(), sec.name()
				switch kind := sec.byte(); kind {
				case 0: // function
					t := sec.u32()
					if int(t) >= len(types) {
						return nil, fmt.Errorf("import %s.%s: unknown type %d", module, name, t)
					}
					funcs = append(funcs, hostFunc{module, name, types[t][0], types[t][1]})
				case 1: // table: reference type, limits
					sec.byte()
					sec.limits()
				case 2: // memory
					sec.limits()
				case 3: // global: value type, mutability
					sec.byte()
					sec.byte()
				default:
					return nil, fmt.Errorf("import %s.%s: unknown kind %d", module, name, kind)
				}
			}
			if sec.err != nil {
				return nil, sec.err
			}
			return funcs, nil
		}
		if sec.err != nil {
			return nil, sec.err
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	return funcs, nil
}

type reader struct {
	b   []byte
	err error
}

var errShort = errors.New("truncated WebAssembly module")

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.err = errShort
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// u32 reads an unsigned LEB128 number.
func (r *reader) u32() uint32 {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errors.New("bad number in WebAssembly module")
	return 0
}

func (r *reader) name() string {
	n := r.u32()
	if int(n) > len(r.b) {
		r.err = errShort
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *reader) valueTypes() []api.ValueType {
	n := r.u32()
	if int(n) > len(r.b) {
		r.err = errShort
		return nil
	}
	ts := make([]api.ValueType, n)
	for i := range ts {
		ts[i] = r.byte()
	}
	return ts
}

func (r *reader) limits() {
	flags := r.byte()
	r.u32()
	if flags&1 != 0 {
		r.u32()
	}
}
