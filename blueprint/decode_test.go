package blueprint

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// TestDecodedTextsAreInterned checks that every text the decoder stores in
// the model is the interned copy (see intern), not one that points into
// the TOML library's copy of the file, which the model would then keep
// alive. The decoder interns each text where it stores it, so a new path
// that stores a text without interning it shows up here.
//
// The collector is off meanwhile: the table of interned texts holds its
// entries weakly, so after a collection intern may make a new copy.
func TestDecodedTextsAreInterned(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	names, err := filepath.Glob("../examples/*.toml")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	// A text in every shape the decoder reads: markers with a reason,
	// several channels, next steps as ids and as tables, a map.
	extra := []byte(`id = "x"
titel = "X"
[[stap]]
id = "a"
titel = "A"
faalpunt = "  een reden  "
kanaal = ["post", "mijn-omgeving"]
volgende = ["b", { stap = "c", als = "ja" }]
knelpunten = ["k"]
`)
	check := func(name string, src []byte, v any) {
		sink := NewCollector(English)
		decodeFile(sink, name, src, v)
		count := 0
		walkTexts(reflect.ValueOf(v), func(path, s string) {
			count++
			if unsafe.StringData(s) != unsafe.StringData(intern(s)) {
				t.Errorf("%s: %s = %q is not interned", name, path, s)
			}
		})
		require.NotZero(t, count, name)
	}
	for _, name := range names {
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		if IsProjectFile(name) {
			check(name, src, &Project{})
		} else {
			check(name, src, &Journey{})
		}
	}
	check("extra.toml", extra, &Journey{})
}

// walkTexts calls fn with every non-empty string in v that came from the
// file: exported fields, elements and map keys, not positions.
func walkTexts(v reflect.Value, fn func(path, s string)) {
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[Pos]() {
				return // the file name, given by the caller
			}
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					walk(path+"."+f.Name, v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(path+"[]", v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(path+"{key}", it.Key())
				walk(path+"{}", it.Value())
			}
		case reflect.String:
			if s := v.String(); s != "" {
				fn(path, s)
			}
		}
	}
	walk("", v)
}
