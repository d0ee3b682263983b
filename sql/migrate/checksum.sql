-- $1 text: its md5, computed by the server so the client needs no crypto library.
SELECT md5($1) AS checksum
