package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/dimpact/blueprint/blueprint"
)

// Limits bound what reading an untrusted workbook may cost. A workbook is
// a zip of XML parts; a hostile one can claim small sizes in its headers
// and unpack to gigabytes, or hold a million rows. Every limit counts what
// is actually read, never what the file says about itself.
type Limits struct {
	// File is the largest file read at all.
	File int64
	// Entries is the most parts (zip entries) a workbook may have.
	Entries int
	// Part is the most bytes one part that is parsed (a sheet, the shared
	// strings, the workbook) may unpack to.
	Part int64
	// Other is the most bytes a part that is only checked (the
	// traceability sheet, styles, pictures) may unpack to.
	Other int64
	// Total is the most bytes all parts together may unpack to.
	Total int64
	// Rows is the most rows read from one sheet.
	Rows int
	// Cols is the number of columns read per row; cells further right are
	// counted, not kept.
	Cols int
	// Text is the longest text kept from one cell, in bytes (a cell holds
	// at most 32,767 characters).
	Text int
}

// DefaultLimits are the limits of blueprint compare and of the overwrite
// check of blueprint matrix. A PvE for the four examples is about 60 kB and
// unpacks to under 1 MB; for the national case (7,600 journeys) it is
// 10 MB and its traceability sheet unpacks to about 100 MB, which is only
// checked, never parsed.
var DefaultLimits = Limits{
	File:    64 << 20,
	Entries: 2000,
	Part:    64 << 20,
	Other:   256 << 20,
	Total:   512 << 20,
	Rows:    20000,
	Cols:    64,
	Text:    128 << 10,
}

// MaxWorkbookSize is the largest workbook read (DefaultLimits.File).
const MaxWorkbookSize = 64 << 20

// readError is a problem that makes a whole file unreadable. It carries
// the message in both languages; the caller adds it to a collector.
type readError struct {
	code   string
	nl, en string
	hintNL string
	hintEN string
}

func (e *readError) Error() string { return e.en }

func failf(code, nl, en string, args ...any) *readError {
	return &readError{code: code, nl: fmt.Sprintf(nl, args...), en: fmt.Sprintf(en, args...)}
}

func (e *readError) hint(nl, en string) *readError {
	e.hintNL, e.hintEN = nl, en
	return e
}

// report adds e to c as an error at the file.
func (e *readError) report(c *blueprint.Collector, file string) {
	d := c.Add(blueprint.Error, blueprint.Pos{File: file}, e.code, c.T(e.nl, e.en), "")
	if e.hintNL != "" {
		c.Hint(d, e.hintNL, e.hintEN)
	}
}

// pkg is an opened workbook package whose parts have been checked: every
// part was unpacked once, within the limits, and its CRC matched.
type pkg struct {
	zr    *zip.Reader
	parts map[string]*zip.File
	lim   Limits
}

// openPackage opens r as a zip of at most lim.Entries parts and checks the
// directory: no duplicate or unsafe names.
func openPackage(r io.ReaderAt, size int64, lim Limits) (*pkg, error) {
	if size > lim.File {
		return nil, failf("too-large", "het bestand is %d bytes; een werkmap van blueprint is hooguit %d bytes", "the file is %d bytes; a blueprint workbook is at most %d bytes", size, lim.File)
	}
	if size < 22 {
		return nil, notAWorkbook()
	}
	var head [4]byte
	if _, err := r.ReadAt(head[:], 0); err != nil || !bytes.Equal(head[:], []byte("PK\x03\x04")) {
		return nil, notAWorkbook()
	}
	if n, ok := directoryCount(r, size); ok && n > lim.Entries {
		return nil, failf("too-many-parts", "de werkmap heeft %d onderdelen; hooguit %d worden gelezen", "the workbook has %d parts; at most %d are read", n, lim.Entries)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, damaged(err)
	}
	if len(zr.File) > lim.Entries {
		return nil, failf("too-many-parts", "de werkmap heeft %d onderdelen; hooguit %d worden gelezen", "the workbook has %d parts; at most %d are read", len(zr.File), lim.Entries)
	}
	p := &pkg{zr: zr, parts: make(map[string]*zip.File, len(zr.File)), lim: lim}
	for _, f := range zr.File {
		name := f.Name
		if strings.HasPrefix(name, "/") || strings.Contains(name, "..") || strings.Contains(name, "\\") {
			return nil, failf("unsafe-part", "de werkmap heeft een onderdeel met een onveilige naam (%q)", "the workbook has a part with an unsafe name (%q)", name)
		}
		key := strings.ToLower(name)
		if _, dup := p.parts[key]; dup {
			return nil, failf("duplicate-part", "de werkmap heeft het onderdeel %s twee keer", "the workbook has the part %s twice", name)
		}
		p.parts[key] = f
	}
	return p, nil
}

func notAWorkbook() *readError {
	return failf("not-a-workbook", "is geen Excel-werkmap (.xlsx)", "is not an Excel workbook (.xlsx)").
		hint("lever de ingevulde Programma van Eisen in als .xlsx", "return the filled-in Programme of Requirements as .xlsx")
}

func damaged(err error) *readError {
	nl, en := zipErrText(err)
	e := &readError{code: "damaged", nl: fmt.Sprintf("de werkmap is beschadigd (%s)", nl), en: fmt.Sprintf("the workbook is damaged (%s)", en)}
	return e.hint("vraag de inschrijver het bestand opnieuw te sturen, of open en bewaar het in Excel of LibreOffice", "ask the tenderer to send the file again, or open and save it in Excel or LibreOffice")
}

// zipErrText explains an error of archive/zip in Dutch and English.
func zipErrText(err error) (nl, en string) {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "het controlegetal (CRC) klopt niet", "the checksum (CRC) does not match"
	case errors.Is(err, zip.ErrFormat):
		return "geen geldige zip", "not a valid zip"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "het bestand houdt te vroeg op", "the file ends too early"
	}
	return err.Error(), err.Error()
}

// directoryCount reads the number of entries from the end of central
// directory record, before archive/zip allocates one header per entry. It
// returns false when the record is not found or is a zip64 one (then
// archive/zip's own count is checked after opening).
func directoryCount(r io.ReaderAt, size int64) (int, bool) {
	n := min(size, 22+65535)
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, size-n); err != nil {
		return 0, false
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || i+22 > len(buf) {
		return 0, false
	}
	count := binary.LittleEndian.Uint16(buf[i+10:])
	if count == 0xFFFF {
		return 0, false
	}
	return int(count), true
}

// verify unpacks every part once, counting the bytes actually inflated:
// parse names the parts that will be parsed (limit lim.Part), the others
// get lim.Other, all together lim.Total. Reading a part to its end checks
// its CRC; archive/zip also fails a part that inflates to more than its
// header says.
func (p *pkg) verify(parse map[string]bool) error {
	var total int64
	buf := make([]byte, 32<<10)
	for _, f := range p.zr.File {
		limit := p.lim.Other
		if parse[strings.ToLower(f.Name)] {
			limit = p.lim.Part
		}
		n, err := p.drain(f, limit, buf)
		total += n
		if err != nil {
			return err
		}
		if total > p.lim.Total {
			return failf("too-large", "de werkmap pakt uit tot meer dan %d MB; hooguit %d MB wordt gelezen (een zip-bom?)",
				"the workbook unpacks to more than %d MB; at most %d MB is read (a zip bomb?)", p.lim.Total>>20, p.lim.Total>>20)
		}
	}
	return nil
}

// drain unpacks one part to the end, at most limit bytes.
func (p *pkg) drain(f *zip.File, limit int64, buf []byte) (int64, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, partError(f.Name, err)
	}
	defer rc.Close()
	n, err := io.CopyBuffer(io.Discard, io.LimitReader(rc, limit+1), buf)
	if err != nil {
		return n, partError(f.Name, err)
	}
	if n > limit {
		return n, failf("too-large", "het onderdeel %s pakt uit tot meer dan %d MB; hooguit %d MB wordt gelezen (een zip-bom?)",
			"the part %s unpacks to more than %d MB; at most %d MB is read (a zip bomb?)", f.Name, limit>>20, limit>>20)
	}
	return n, nil
}

func partError(name string, err error) *readError {
	if errors.Is(err, zip.ErrFormat) {
		return failf("damaged", "het onderdeel %s pakt uit tot meer dan de zip zegt, of is geen geldige zip-inhoud (beschadigd, of een zip-bom)",
			"the part %s unpacks to more than the zip says, or is not valid zip content (damaged, or a zip bomb)", name).
			hint("vraag de inschrijver het bestand opnieuw te sturen", "ask the tenderer to send the file again")
	}
	e := damaged(err)
	nl, en := zipErrText(err)
	e.nl = fmt.Sprintf("het onderdeel %s van de werkmap is beschadigd (%s)", name, nl)
	e.en = fmt.Sprintf("the part %s of the workbook is damaged (%s)", name, en)
	return e
}

// has reports whether the package holds the part name.
func (p *pkg) has(name string) bool {
	_, ok := p.parts[strings.ToLower(name)]
	return ok
}

// open opens a verified part for parsing, limited to lim.Part bytes.
func (p *pkg) open(name string) (io.ReadCloser, error) {
	f, ok := p.parts[strings.ToLower(name)]
	if !ok {
		return nil, failf("missing-part", "de werkmap mist het onderdeel %s", "the workbook lacks the part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, partError(name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, p.lim.Part), rc}, nil
}

// resolve turns a relationship target into a part name: relative to the
// folder of the part whose relationships it is, or absolute from the root.
func resolve(base, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(path.Join(path.Dir(base), target))
}
