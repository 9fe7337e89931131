-- An institution may pin a DICOM node to its TLS client certificate: the association is then accepted only over TLS
-- from a client presenting exactly that certificate (SHA-256 of its DER encoding). The subject is kept for display.
ALTER TABLE registered_ae ADD COLUMN tls_certificate_sha256 VARCHAR(64);
ALTER TABLE registered_ae ADD COLUMN tls_certificate_subject VARCHAR(1000);
