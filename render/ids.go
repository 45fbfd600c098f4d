package render

// StepBoxIDs maps the id of every step in l to the id of its step header
// box (the column title): the id of that box's element in the SVG, so that
// a web page can point into the diagram (the journey site pans to a step
// and opens a step from a click on its header). It reads the layout
// instead of repeating how boxes are named, so it stays right when the
// naming changes.
func (l *Layout) StepBoxIDs() map[string]string {
	out := make(map[string]string, len(l.Columns))
	headers := map[float64]string{}
	for _, b := range l.Boxes {
		if b.Role == RoleStep {
			if _, ok := headers[b.X]; !ok {
				headers[b.X] = b.ID
			}
		}
	}
	for _, c := range l.Columns {
		if id, ok := headers[c.X]; ok {
			out[c.StepID] = id
		}
	}
	return out
}
