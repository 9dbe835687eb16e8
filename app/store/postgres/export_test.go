package postgres

// OpenAtVersion opens a store migrating its schema only up to version.
var OpenAtVersion = open

// DropRepeat is dropRepeat, for the tests of open's messages.
var DropRepeat = dropRepeat
