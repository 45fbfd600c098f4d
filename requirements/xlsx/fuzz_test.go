package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/dimpact/blueprint/blueprint"
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
