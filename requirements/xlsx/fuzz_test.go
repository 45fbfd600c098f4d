package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/compare"
)

// A returned workbook is outside input: inspecting it must never panic or
// hang, whatever the bytes.
func FuzzInspect(f *testing.F) {
	_, data := workbook(f, blueprint.Dutch)
	f.Add(data)
	wb := excelize.NewFile()
	buf, err := wb.WriteToBuffer()
	if err == nil {
		f.Add(buf.Bytes())
	}
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Inspect(bytes.NewReader(data), int64(len(data)))
		if err == nil && info == nil {
			t.Fatal("no info and no error")
		}
	})
}

// A vendor's response is outside input: reading it and checking it
// against the master must never panic or hang, whatever the bytes; it
// gives a book or an error.
func FuzzReadResponse(f *testing.F) {
	_, pve := workbook(f, blueprint.Dutch)
	m := master(f, pve)
	resp, err := FillResponse(pve, Examples[1].Response())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(resp)
	f.Add(resp[:len(resp)/3])
	f.Add([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		book, err := ReadBook("fuzz.xlsx", bytes.NewReader(data), int64(len(data)), DefaultLimits)
		if err == nil && book == nil {
			t.Fatal("no book and no error")
		}
		if book != nil {
			c := blueprint.NewCollector(blueprint.Dutch)
			if r := compare.Check(m, book, c); r == nil {
				t.Fatal("no response")
			}
		}
	})
}
