"""The site server's contract, shared by the server and its stations: request and response
schemas, the permission table and the problem codes. Imports nothing above the domain."""
