package requirements

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dimpact/blueprint/blueprint"
	"github.com/dimpact/blueprint/requirements/gemma"
)

// gemmaDir is the real GEMMA model (VNG Realisatie, see its SOURCE.md),
// next to the repository.
var gemmaDir = filepath.Join("..", "..", "shared", "gemma")

func TestBuiltinCatalogueIsValid(t *testing.T) {
	c, diags := decodeCatalogue(BuiltinName, builtinTOML, blueprint.English)
	if len(diags) > 0 {
		t.Fatalf("the built-in catalogue has problems:\n%s", diags.Error())
	}
	if got := len(c.Blocks); got != 7 {
		t.Errorf("%d blocks, want the seven of the KCC basisvoorziening", got)
	}
	perBlock := map[string]int{}
	idRe := regexp.MustCompile(`^KCC-([A-Z]{2})-\d{3}$`)
	for _, r := range c.Requirements {
		f := c.Function(r.Function)
		m := idRe.FindStringSubmatch(r.ID)
		if m == nil {
			t.Errorf("%s: id is not KCC-XX-000", r.ID)
			continue
		}
		if m[1] != f.Block {
			t.Errorf("%s: id names block %s but its function %s is in block %s", r.ID, m[1], f.Key, f.Block)
		}
		perBlock[f.Block]++
		if !strings.HasPrefix(r.TextNL, "De oplossing") && !strings.Contains(r.TextNL, "van de oplossing") {
			t.Errorf("%s: Dutch text does not start with \"De oplossing\": %q", r.ID, r.TextNL)
		}
		if r.TitleEN == "" || r.TextEN == "" || r.RationaleEN == "" || r.RationaleNL == "" {
			t.Errorf("%s: title, text and rationale need both Dutch and English", r.ID)
		}
		if !strings.Contains(strings.ToLower(r.TextEN), "solution") {
			t.Errorf("%s: English text does not speak of the solution: %q", r.ID, r.TextEN)
		}
		if len(r.Gemma) == 0 {
			t.Errorf("%s: no GEMMA element", r.ID)
		}
	}
	for _, b := range c.Blocks {
		if perBlock[b.Code] == 0 {
			t.Errorf("block %s has no requirements", b.Code)
		}
		for _, l := range []blueprint.Lang{blueprint.Dutch, blueprint.English} {
			if n := b.SheetName(l); len([]rune(n)) > 31 || strings.ContainsAny(n, `/\[]:*?`) {
				t.Errorf("block %s: sheet name %q is not valid in Excel", b.Code, n)
			}
		}
	}
	for _, r := range c.Rules {
		if r.NameEN == "" || r.ReasonEN == "" {
			t.Errorf("rule %s lacks English", r.ID)
		}
	}
	for _, a := range c.Answers {
		if a.LabelEN == "" || a.DescriptionEN == "" {
			t.Errorf("answer %s lacks English", a.Code)
		}
	}
}

// The Infrastructuur requirements name the standards a gemeente asks for,
// with their versions.
func TestInfrastructureNamesStandards(t *testing.T) {
	c := Builtin()
	text := ""
	for _, r := range c.Requirements {
		if c.Function(r.Function).Block == "IN" {
			text += r.TextNL + "\n"
		}
	}
	for _, want := range []string{"Klantinteracties API versie 0.9.0", "Zaken API 1.5.1", "Documenten API 1.5.0", "Catalogi API 1.2.1",
		"Notificaties API 1.0", "Haal Centraal BRP Personen bevragen API versie 2", "DigiD", "SAML 2.0", "eHerkenning",
		"StUF-ZKN 3.10", "BAG Individuele Bevragingen API 2", "Baseline Informatiebeveiliging Overheid"} {
		if !strings.Contains(text, want) {
			t.Errorf("no Infrastructuur requirement names %q", want)
		}
	}
}

// The Klantinteracties API version in the catalogue is the one of the
// OpenAPI specification it refers to.
func TestKlantinteractiesVersionMatchesOpenAPI(t *testing.T) {
	src, err := readShared("klantinteracties-openapi-0.9.0.yaml")
	if err != nil {
		t.Skipf("the Open Klant OpenAPI file is not here (%v); skipping", err)
	}
	if !regexp.MustCompile(`(?m)^  version: 0\.9\.0$`).Match(src) {
		t.Fatal("klantinteracties-openapi-0.9.0.yaml does not declare info.version 0.9.0")
	}
	for _, path := range []string{"/klantcontacten", "/partijen", "/digitaleadressen", "/betrokkenen", "/onderwerpobjecten", "/internetaken"} {
		if !strings.Contains(string(src), "\n  "+path+":") {
			t.Errorf("the OpenAPI has no %s, which KCC-IN-001 names", path)
		}
	}
}

// Every GEMMA element of the catalogue exists in the real GEMMA model with
// that Object ID, that name and a matching type.
func TestGemmaObjectIDsAreReal(t *testing.T) {
	m, err := gemma.Load(gemmaDir)
	if errors.Is(err, gemma.ErrNotFound) {
		t.Skipf("the GEMMA model is not at %s (see shared/gemma/SOURCE.md); skipping the check of Object IDs", gemmaDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	c := Builtin()
	for _, g := range c.Gemma {
		e := m.Element(g.ObjectID)
		if e == nil {
			t.Errorf("%s: Object ID %s (%s) is not in the GEMMA model", g.Pos, g.ObjectID, g.Name)
			continue
		}
		if e.Name != g.Name {
			t.Errorf("%s: Object ID %s is %q in GEMMA, the catalogue says %q", g.Pos, g.ObjectID, e.Name, g.Name)
		}
		if e.Kind != g.Kind {
			t.Errorf("%s: %s is %s/%s in GEMMA, the catalogue says %s", g.Pos, g.Name, e.Type, e.GemmaType, g.Kind)
		}
	}
	used := map[string]bool{}
	for _, r := range c.Requirements {
		for _, id := range r.Gemma {
			used[id] = true
		}
	}
	for _, g := range c.Gemma {
		if !used[g.ObjectID] {
			t.Errorf("%s: GEMMA element %s is defined but no requirement uses it", g.Pos, g.Name)
		}
	}
}

func readShared(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join(gemmaDir, name))
}

// The lists of allowed values are copies: a caller (a long-running server)
// that changes one cannot change what the checks accept.
func TestAllowedValuesAreCopies(t *testing.T) {
	p := Placeholders()
	p[0] = "changed"
	v := Verifications()
	v[0] = "changed"
	if Placeholders()[0] != "kanaal" || Verifications()[0] != "demonstratie" {
		t.Fatal("changing a returned list changed the package's list")
	}
	_, diags := LoadCatalogue("c.toml", []byte(strings.Replace(string(BuiltinTOML()), `verificatie = "demonstratie"`, `verificatie = "changed"`, 1)), blueprint.English)
	if !strings.Contains(diags.Error(), `unknown verification "changed"`) {
		t.Errorf("the check accepted a value only a caller's copy holds:\n%s", diags.Error())
	}
}

func TestReadCatalogueFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "eigen.toml")
	src := []byte("uitbreiden = true\nversie = \"2\"\n")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	f, diags, err := ReadCatalogueFile(path, blueprint.English)
	if err != nil || len(diags) > 0 {
		t.Fatalf("err = %v, diags = %v", err, diags)
	}
	if f.Name != filepath.ToSlash(path) || string(f.Src) != string(src) {
		t.Errorf("file = %q with %q, want %q with the file's text", f.Name, f.Src, filepath.ToSlash(path))
	}
	if c, diags := LoadCatalogue(f.Name, f.Src, blueprint.English); diags.HasErrors() || c.Version != "2" {
		t.Errorf("the file read does not load: %v", diags)
	}

	big := filepath.Join(dir, "groot.toml")
	if err := os.WriteFile(big, make([]byte, MaxCatalogueSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	f, diags, err = ReadCatalogueFile(big, blueprint.English)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.ToSlash(big) + ":1:1: error: catalogue is too large (4194305 bytes; at most 4194304)"
	if diags.Error() != want || f.Src != nil {
		t.Errorf("diags = %q, src of %d bytes; want %q and the file left unread", diags.Error(), len(f.Src), want)
	}

	if _, _, err := ReadCatalogueFile(filepath.Join(dir, "missing.toml"), blueprint.English); err == nil {
		t.Error("a missing file gave no error")
	}
}
