package gemma

import (
	"strings"
	"testing"
)

func TestReadJoinsObjectIDs(t *testing.T) {
	elements := `"ID","Type","Name","Documentation","Specialization"
"id-1","ApplicationComponent","Klantgeleidingcomponent","Geleidt klanten",""
"id-2","ApplicationService","Geleiden van klanten","",""
"id-3","ApplicationService","Zonder Object ID","",""
"id-4","ApplicationService","Dubbel","",""
`
	properties := `"ID","Key","Value"
"id-1","Object ID","4fb80905-d79b-4cde-aeab-7459fec668b1"
"id-1","GEMMA type","Referentiecomponent"
"id-1","GEMMA status","In gebruik"
"id-2","Object ID","b2738bde-8c74-11e5-1099-005056a83192"
"id-4","Object ID","b2738bde-8c74-11e5-1099-005056a83192"
"id-9","Object ID","dangling"
`
	m, err := Read(strings.NewReader(elements), strings.NewReader(properties))
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() != 2 {
		t.Errorf("Len = %d, want 2 (elements without an Object ID are left out)", m.Len())
	}
	e := m.Element("4fb80905-d79b-4cde-aeab-7459fec668b1")
	if e == nil || e.Name != "Klantgeleidingcomponent" || e.Type != "ApplicationComponent" || e.GemmaType != "Referentiecomponent" || e.Status != "In gebruik" || e.ArchiID != "id-1" {
		t.Errorf("component = %+v", e)
	}
	if e != nil && e.Kind != Component {
		t.Errorf("component kind = %q, want %q", e.Kind, Component)
	}
	if s := m.Element("b2738bde-8c74-11e5-1099-005056a83192"); s == nil || s.Name != "Geleiden van klanten" || s.Kind != Service {
		t.Errorf("service = %+v (the first element with an Object ID keeps it)", s)
	}
	if len(m.Duplicates) != 1 {
		t.Errorf("Duplicates = %v, want the Object ID carried twice", m.Duplicates)
	}
	if m.Element("dangling") != nil {
		t.Error("a property of an unknown element made an element")
	}
}

func TestReadRejectsAWrongHeader(t *testing.T) {
	_, err := Read(strings.NewReader("\"A\",\"B\"\n"), strings.NewReader("\"ID\",\"Key\",\"Value\"\n"))
	if err == nil || !strings.Contains(err.Error(), "gemma-elements.csv") {
		t.Errorf("err = %v, want a message naming gemma-elements.csv", err)
	}
}

func TestLoadMissingFolder(t *testing.T) {
	_, err := Load(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

func TestKindOf(t *testing.T) {
	for _, c := range []struct{ typ, gemmaType, want string }{
		{"ApplicationComponent", "Referentiecomponent", Component},
		{"ApplicationComponent", "Buitengemeentelijke voorziening", External},
		{"ApplicationService", "", Service},
		{"ApplicationService", "Buitengemeentelijke service", Service},
		{"ApplicationComponent", "Technologiecomponent", ""},
		{"BusinessProcess", "Bedrijfsproces", ""},
	} {
		if got := KindOf(c.typ, c.gemmaType); got != c.want {
			t.Errorf("KindOf(%q, %q) = %q, want %q", c.typ, c.gemmaType, got, c.want)
		}
	}
}
