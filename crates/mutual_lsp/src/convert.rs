//! Conversions between our types and lsp-types: URIs and paths, byte spans
//! and ranges. Every position goes through [`LineIndex`], clamped.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, Uri};
use mutual_syntax::{Encoding, LineIndex, Span};

/// Resolves `.` and `..` without touching the disk: the checker's, so that
/// the server and the import resolution agree on a path.
pub use mutual_check::project::normalize;

/// The file path of a `file:` URI; `None` for any other scheme
/// (`untitled:`, …).
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s
        .strip_prefix("file://")
        .or_else(|| s.strip_prefix("FILE://"))?;
    // `file://host/path`: only an empty host or `localhost` is ours.
    let path_part = match rest.find('/') {
        Some(0) => rest,
        Some(i) if &rest[..i] == "localhost" => &rest[i..],
        _ => return None,
    };
    let path_part = path_part.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path_part)?;
    // `/C:/x` on Windows.
    if cfg!(windows) {
        let b = decoded.as_bytes();
        if b.len() >= 3 && b[0] == b'/' && b[2] == b':' {
            return Some(PathBuf::from(&decoded[1..]));
        }
    }
    Some(PathBuf::from(decoded))
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `file:` URI of an absolute path.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let text = path.to_str()?;
    let mut out = String::from("file://");
    let text = text.replace('\\', "/");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

/// The canonical form of a path: symbolic links resolved where it exists,
/// `.` and `..` resolved where it does not.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path))
}

pub fn position(text: &str, index: &LineIndex, offset: usize, enc: Encoding) -> Position {
    let p = index.position(text, offset, enc);
    Position::new(p.line, p.character)
}

pub fn range(text: &str, index: &LineIndex, span: Span, enc: Encoding) -> Range {
    Range::new(
        position(text, index, span.start as usize, enc),
        position(text, index, span.end as usize, enc),
    )
}

/// The byte offset of a position, clamped to the text.
pub fn offset(text: &str, index: &LineIndex, pos: Position, enc: Encoding) -> usize {
    index.offset(
        text,
        mutual_syntax::Position {
            line: pos.line,
            character: pos.character,
        },
        enc,
    )
}

/// The byte span of a range, clamped to the text (start never after end).
pub fn span(text: &str, index: &LineIndex, range: Range, enc: Encoding) -> Span {
    let start = offset(text, index, range.start, enc);
    let end = offset(text, index, range.end, enc);
    Span::new(start.min(end), end.max(start))
}

/// The length of a text in code units of `enc`.
pub fn len_in(text: &str, enc: Encoding) -> u32 {
    match enc {
        Encoding::Utf8 => text.len() as u32,
        Encoding::Utf16 => text.encode_utf16().count() as u32,
        Encoding::Utf32 => text.chars().count() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_paths_round_trip() {
        let path = Path::new("/tmp/a b/ספרייה #1.mutual");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///tmp/a%20b/%D7%A1%D7%A4%D7%A8%D7%99%D7%99%D7%94%20%231.mutual"
        );
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        let untitled = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(uri_to_path(&untitled), None);
    }

    #[test]
    fn a_truncated_escape_is_no_path() {
        let uri = Uri::from_str("file:///tmp/a%2")
            .unwrap_or_else(|_| Uri::from_str("file:///tmp/a").unwrap());
        let _ = uri_to_path(&uri);
    }
}
