package postgres

// OpenAtVersion opens a store migrating its schema only up to version.
var OpenAtVersion = open
