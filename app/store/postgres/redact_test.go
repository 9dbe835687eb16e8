package postgres_test

import (
	"context"
	"strings"
	"testing"

	"scorecard/app/store/postgres"
)

// TestRedactHidesEverySecret: a URL's password, its sslpassword (the
// client key's passphrase) and any parameter named for a password are
// left out of the name a team store is shown and remembered by, and out
// of the message that it cannot be reached; everything else is kept.
func TestRedactHidesEverySecret(t *testing.T) {
	for _, tt := range []struct{ dsn, want string }{
		{"postgres://ann:s3cret@db.kent.gov.uk:5432/mi?sslmode=require", "postgres://ann@db.kent.gov.uk:5432/mi?sslmode=require"},
		{"postgresql://db.kent.gov.uk/mi?user=ann&password=s3cret", "postgresql://db.kent.gov.uk/mi?user=ann"},
		{"postgres://ann@db.kent.gov.uk/mi?sslmode=verify-full&sslkey=/home/ann/k.pem&sslpassword=s3cret", "postgres://ann@db.kent.gov.uk/mi?sslkey=%2Fhome%2Fann%2Fk.pem&sslmode=verify-full"},
		{"postgres://ann:s3cret@/mi?host=/run/postgresql&sslpassword=s3cret&password=s3cret", "postgres://ann@/mi?host=%2Frun%2Fpostgresql"},
		{"postgres://ann@db/mi?PGPASSWORD=s3cret&SSLPassword=s3cret", "postgres://ann@db/mi"},
		{"postgres:///scorecard?host=/run/postgresql", "postgres:///scorecard?host=/run/postgresql"},
	} {
		if got := postgres.Redact(tt.dsn); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.dsn, got, tt.want)
		}
	}
	// No server listens on this socket: the message says so, without the
	// secrets.
	dsn := "postgres://ann:pw1secret@/mi?host=/nonexistent-scorecard&sslpassword=ssl2secret&connect_timeout=2"
	_, err := postgres.Open(context.Background(), dsn)
	if err == nil {
		t.Fatal("opened a team store on a socket that does not exist")
	}
	if msg := err.Error(); strings.Contains(msg, "pw1secret") || strings.Contains(msg, "ssl2secret") || !strings.Contains(msg, "unreachable") {
		t.Errorf("the error %q shows a secret or does not say why", msg)
	}
}
