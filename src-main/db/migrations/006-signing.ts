import type { Migration } from './types'

/**
 * Sign-off and digital signatures (issue 7): the chair's — or a signer with KT./TM./… authority — approval of a
 * session's finalized results, recorded before anything is signed, and every PAdES-signed PDF with the SHA-256 of
 * its exact bytes. Neither the PKCS#12 file nor its password has a column: they are inputs of one signing call.
 */
export const m006Signing: Migration = {
  version: 6,
  name: 'sign-off approvals and signed documents',
  up(db) {
    db.exec(`
      CREATE TABLE sign_approvals (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions (id) ON DELETE RESTRICT,
        subject TEXT NOT NULL CHECK (length(trim(subject)) > 0),
        approver_name TEXT NOT NULL CHECK (length(trim(approver_name)) > 0),
        approver_role TEXT NOT NULL CHECK (approver_role IN ('chair', 'signer')),
        authority TEXT NOT NULL CHECK (authority IN ('', 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.')),
        position_title TEXT NOT NULL CHECK (length(trim(position_title)) > 0),
        note TEXT NOT NULL DEFAULT '',
        approved_at TEXT NOT NULL,
        CHECK (approver_role = 'signer' OR authority IN ('', 'TM.'))
      ) STRICT;
      CREATE INDEX sign_approvals_session ON sign_approvals (session_id, approved_at DESC);

      CREATE TABLE signed_documents (
        id INTEGER PRIMARY KEY,
        approval_id INTEGER NOT NULL REFERENCES sign_approvals (id) ON DELETE RESTRICT,
        source_sha256 TEXT NOT NULL CHECK (length(source_sha256) = 64 AND source_sha256 NOT GLOB '*[^0-9a-f]*'),
        signed_sha256 TEXT NOT NULL UNIQUE CHECK (length(signed_sha256) = 64 AND signed_sha256 NOT GLOB '*[^0-9a-f]*'),
        file_name TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
        byte_size INTEGER NOT NULL CHECK (byte_size > 0),
        signer_subject TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        cert_serial TEXT NOT NULL,
        sub_filter TEXT NOT NULL CHECK (sub_filter IN ('ETSI.CAdES.detached', 'adbe.pkcs7.detached')),
        signed_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX signed_documents_approval ON signed_documents (approval_id);
      CREATE INDEX signed_documents_source ON signed_documents (source_sha256);

      CREATE TRIGGER sign_approvals_no_update BEFORE UPDATE ON sign_approvals
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Phê duyệt đã ghi nhận không được sửa'); END;
      CREATE TRIGGER sign_approvals_no_delete BEFORE DELETE ON sign_approvals
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Phê duyệt đã ghi nhận không được xóa'); END;
      CREATE TRIGGER signed_documents_no_update BEFORE UPDATE ON signed_documents
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Văn bản đã ký không được sửa'); END;
      CREATE TRIGGER signed_documents_no_delete BEFORE DELETE ON signed_documents
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Văn bản đã ký không được xóa'); END;
    `)
  }
}
