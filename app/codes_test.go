package app

import (
	"encoding/json"
	"testing"
)

// TestCodesRoundTrip: every status, arrow and rating reads back from the
// text it writes, in JSON too, in the order of its text; any other text is
// refused rather than read as none.
func TestCodesRoundTrip(t *testing.T) {
	for i, s := range statusTexts {
		c, ok := StatusOf(s)
		if !ok || c != Status(i) || c.String() != s {
			t.Errorf("status %q: %v %v", s, c, ok)
		}
		if i > 0 && statusTexts[i-1] >= s {
			t.Errorf("status %q comes after %q: a sort by code is not a sort by text", s, statusTexts[i-1])
		}
	}
	for i, s := range arrowTexts {
		if c, ok := ArrowOf(s); !ok || c != Arrow(i) || c.String() != s || i > 0 && arrowTexts[i-1] >= s {
			t.Errorf("arrow %q: %v %v", s, c, ok)
		}
	}
	for i, s := range ragTexts {
		if c, ok := RAGOf([]byte(s)); !ok || c != RAG(i) || c.String() != s || i > 0 && ragTexts[i-1] >= s {
			t.Errorf("rating %q: %v %v", s, c, ok)
		}
	}
	type row struct {
		Status Status `json:"status"`
		Arrow  Arrow  `json:"arrow"`
		RAG    RAG    `json:"rag"`
	}
	b, err := json.Marshal(row{Suppressed, Down, Red})
	if err != nil || string(b) != `{"status":"c","arrow":"down","rag":"RED"}` {
		t.Errorf("JSON %s, %v", b, err)
	}
	var back row
	if err := json.Unmarshal(b, &back); err != nil || back != (row{Suppressed, Down, Red}) {
		t.Errorf("read back %+v, %v", back, err)
	}
	for _, bad := range []string{`{"status":"[c]"}`, `{"arrow":"left"}`, `{"rag":"Red"}`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("%s read as %+v", bad, back)
		}
	}
	if s := Status(40).String(); s != "Status(40)" {
		t.Errorf("a number no status is: %q", s)
	}
}
