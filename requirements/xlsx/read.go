package xlsx

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/compare"
)

// ReadBook reads a workbook that may come from outside: a vendor's
// response, the buyer's master PvE, an earlier version for
// --carry-answers. It opens the zip itself, within lim: every part is
// unpacked once and counted (never trusting the sizes in the zip's
// headers) and its CRC checked; then the parts that matter are parsed as
// a stream. It reads the _meta sheet, the block sheets and the price sheet
// it names, and every sheet _meta does not know (a renamed block sheet is
// found by what it holds, in package compare); the traceability sheet and
// the other fixed sheets are only checked.
//
// A workbook without _meta is returned with Meta nil and no rows. An error
// means the file cannot be read at all; its text is English, and
// ReadBookFile reports it in the collector's language.
func ReadBook(name string, r io.ReaderAt, size int64, lim Limits) (book *compare.Book, err error) {
	defer func() {
		if p := recover(); p != nil {
			book, err = nil, failf("damaged", "de werkmap kan niet gelezen worden (%v)", "the workbook cannot be read (%v)", p)
		}
	}()
	p, err := openPackage(r, size, lim)
	if err != nil {
		return nil, err
	}
	wb, refs, shared, date1904, err := workbookParts(p)
	if err != nil {
		return nil, err
	}
	book = &compare.Book{File: name, Date1904: date1904}
	for i, ref := range refs {
		book.Sheets = append(book.Sheets, &compare.Sheet{Name: ref.name, Index: i, Hidden: ref.hidden})
	}
	sr := &sheetReader{p: p}
	metaPart := ""
	for i, ref := range refs {
		if ref.name == compare.MetaSheet && ref.part != "" {
			metaPart = ref.part
			if err := sr.readSheet(ref.part, book.Sheets[i]); err != nil {
				return nil, err
			}
			if err := sr.resolveShared(shared); err != nil {
				return nil, err
			}
			book.Meta = compare.ParseMeta(book.Sheets[i])
		}
	}
	parse := map[string]bool{strings.ToLower(wb): true, strings.ToLower(relsName(wb)): true, "_rels/.rels": true}
	if shared != "" {
		parse[strings.ToLower(shared)] = true
	}
	if metaPart != "" {
		parse[strings.ToLower(metaPart)] = true
	}
	var read []int
	if book.Meta != nil {
		for i, ref := range refs {
			if ref.part != "" && ref.name != compare.MetaSheet && wantSheet(book.Meta, ref.name) {
				read = append(read, i)
				parse[strings.ToLower(ref.part)] = true
			}
		}
	}
	if err := p.verify(parse); err != nil {
		return nil, err
	}
	for _, i := range read {
		if err := sr.readSheet(refs[i].part, book.Sheets[i]); err != nil {
			return nil, err
		}
	}
	if err := sr.resolveShared(shared); err != nil {
		return nil, err
	}
	return book, nil
}

// wantSheet reports whether a sheet may hold answers: a block sheet or
// the price sheet that _meta names, or a sheet _meta does not know.
func wantSheet(m *compare.Meta, name string) bool {
	for _, s := range m.Sheets {
		if s.Name == name {
			return s.Role == roleBlock || s.Role == rolePrice
		}
	}
	for _, b := range m.Blocks {
		if b.Sheet == name {
			return true
		}
	}
	if m.Price != nil && m.Price.Sheet == name {
		return true
	}
	if len(m.Sheets) == 0 {
		// Schema 1 did not list its sheets: the fixed ones by name.
		for _, lang := range []blueprint.Lang{blueprint.Dutch, blueprint.English} {
			intro, trace, summary := sheetNames(lang)
			if name == intro || name == trace || name == summary {
				return false
			}
		}
	}
	return true
}

// ReadBookFile reads the workbook at path with DefaultLimits (see
// ReadBook). name is how findings name the file. When it cannot be read,
// it adds one error naming the file to c and returns nil.
func ReadBookFile(path, name string, c *blueprint.Collector) *compare.Book {
	fh, err := os.Open(path)
	if err != nil {
		c.Errorf(blueprint.Pos{File: name}, "unreadable", "kan het bestand niet openen (%v)", "cannot open the file (%v)", unwrapPathError(err))
		return nil
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		c.Errorf(blueprint.Pos{File: name}, "unreadable", "kan het bestand niet lezen (%v)", "cannot read the file (%v)", unwrapPathError(err))
		return nil
	}
	if st.IsDir() {
		c.Errorf(blueprint.Pos{File: name}, "unreadable", "is een map, geen werkmap", "is a folder, not a workbook")
		return nil
	}
	book, err := ReadBook(name, fh, st.Size(), DefaultLimits)
	if err != nil {
		ReportReadError(c, name, err)
		return nil
	}
	return book
}

// ReportReadError adds an error of ReadBook to c, in c's language, at
// the file name.
func ReportReadError(c *blueprint.Collector, name string, err error) {
	var re *readError
	if errors.As(err, &re) {
		re.report(c, name)
		return
	}
	c.Errorf(blueprint.Pos{File: name}, "unreadable", "kan de werkmap niet lezen (%v)", "cannot read the workbook (%v)", err)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// describe is the English text of a read error, for callers that show
// errors rather than diagnostics.
func describe(err error, lang blueprint.Lang) string {
	var re *readError
	if errors.As(err, &re) {
		return blueprint.T(lang, re.nl, re.en)
	}
	return fmt.Sprint(err)
}

// Input is one workbook to read: its name for findings and its bytes, or
// the path of a file to read them from (at most lim.File bytes).
type Input struct {
	Name string
	Data []byte
	Path string
}

// Read is the result of reading one Input.
type Read struct {
	Book *compare.Book
	Err  error
	// Hash is the SHA-256 of the file's bytes (hex).
	Hash string
}

// ReadBooks reads several workbooks (ReadBook with lim) on every core and
// returns them in the order of inputs: the same result as reading them
// one by one. A worker holds one file's bytes at a time.
func ReadBooks(inputs []Input, lim Limits) []Read {
	out := make([]Read, len(inputs))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(inputs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i] = readInput(inputs[i], lim)
			}
		}()
	}
	for i := range inputs {
		work <- i
	}
	close(work)
	wg.Wait()
	return out
}

func readInput(in Input, lim Limits) Read {
	data := in.Data
	if data == nil && in.Path != "" {
		fh, err := os.Open(in.Path)
		if err != nil {
			return Read{Err: failf("unreadable", "kan het bestand niet lezen (%v)", "cannot read the file (%v)", unwrapPathError(err))}
		}
		data, err = io.ReadAll(io.LimitReader(fh, lim.File+1))
		fh.Close()
		if err != nil {
			return Read{Err: failf("unreadable", "kan het bestand niet lezen (%v)", "cannot read the file (%v)", err)}
		}
	}
	sum := sha256.Sum256(data)
	book, err := ReadBook(in.Name, bytes.NewReader(data), int64(len(data)), lim)
	return Read{Book: book, Err: err, Hash: hex.EncodeToString(sum[:])}
}
