package importer

import (
	"context"
	"strings"
	"testing"
)

// TestUnknownAreaAdvice: an area an authority does not have is kept
// under its name, with advice that can be followed: for Kent, to map it
// to a district; for Leeds, which the app knows no districts of, to name
// it one of Leeds's localities, where mapping to a district could not
// work (QA27a).
func TestUnknownAreaAdvice(t *testing.T) {
	tests := []struct {
		auth, area, advice string
	}{
		{"Kent", "Localities North", `until it is mapped to a district or pseudo-area (import --area "Localities North=DISTRICT")`},
		{"Leeds", "East North East", `until it is named one of Leeds's localities (scorecard authority "Leeds" --districts "East North East", with the others) or mapped to a pseudo-area (import --area "East North East=pseudo")`},
	}
	for _, tt := range tests {
		t.Run(tt.auth, func(t *testing.T) {
			body := "Ref,Indicator,Area,Period,Value\n" +
				"CLA01,Number of children looked after," + tt.auth + ",Apr-25,1400\n" +
				"CLA01,Number of children looked after," + tt.area + ",Apr-25,300\n"
			res, err := Read(context.Background(), writeCSV(t, body), Options{Authority: authorityNamed(t, tt.auth)})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, w := range res.Warnings {
				if w.Cell == "line 3" && strings.HasSuffix(w.Message, tt.advice) {
					found = true
				}
			}
			if !found {
				t.Errorf("no warning at line 3 ending %q in\n%s", tt.advice, warningLines(res))
			}
		})
	}
}
