package mailcatcher

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
)

// maxDepth bounds nested multiparts, so a hostile message cannot recurse
// without end.
const maxDepth = 10

// header is what mail.Header and textproto.MIMEHeader share.
type header interface {
	Get(key string) string
}

// parse decodes what a reader of raw needs. A message that is not valid
// RFC 5322 is still kept: its text is the raw message.
func parse(raw []byte) Mail {
	m := Mail{Raw: raw}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		m.Text = normalizeNewlines(string(raw))
		return m
	}
	m.Header = msg.Header
	m.Subject = decodeHeader(msg.Header.Get("Subject"))
	m.MessageID = strings.Trim(strings.TrimSpace(msg.Header.Get("Message-Id")), "<>")
	if text, ok := findText(msg.Header, msg.Body, 0); ok {
		m.Text = text
	}
	return m
}

// decodeHeader decodes RFC 2047 encoded words, keeping the value as sent
// when it is not valid.
func decodeHeader(v string) string {
	dec := mime.WordDecoder{CharsetReader: charsetReader}
	s, err := dec.DecodeHeader(v)
	if err != nil {
		return v
	}
	return s
}

// findText returns the first text/plain part, depth first, that is not an
// attachment: in multipart/alternative that is the plain version.
func findText(h header, body io.Reader, depth int) (string, bool) {
	mediaType, params := contentType(h)
	if d, _, _ := mime.ParseMediaType(h.Get("Content-Disposition")); d == "attachment" {
		return "", false
	}
	switch {
	case mediaType == "text/plain":
		return decodeBody(h.Get("Content-Transfer-Encoding"), params["charset"], body), true
	case strings.HasPrefix(mediaType, "multipart/") && depth < maxDepth:
		mr := multipart.NewReader(body, params["boundary"])
		for {
			// Raw parts, so every transfer encoding is undone in one place.
			p, err := mr.NextRawPart()
			if err != nil {
				return "", false
			}
			if text, ok := findText(p.Header, p, depth+1); ok {
				return text, true
			}
		}
	}
	return "", false
}

// contentType defaults to text/plain as RFC 2045 says.
func contentType(h header) (string, map[string]string) {
	v := h.Get("Content-Type")
	if v == "" {
		return "text/plain", map[string]string{}
	}
	mediaType, params, err := mime.ParseMediaType(v)
	if mediaType == "" && err != nil {
		return "text/plain", map[string]string{}
	}
	return mediaType, params
}

// decodeBody undoes the transfer encoding and the charset. What cannot be
// decoded is shown as far as it could be read.
func decodeBody(transferEncoding, charset string, body io.Reader) string {
	switch strings.ToLower(strings.TrimSpace(transferEncoding)) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	}
	if charset != "" {
		if r, err := charsetReader(charset, body); err == nil {
			body = r
		}
	}
	b, _ := io.ReadAll(body)
	return normalizeNewlines(string(b))
}

func charsetReader(charset string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return nil, err
	}
	return enc.NewDecoder().Reader(input), nil
}

func normalizeNewlines(s string) string {
	return strings.ReplaceAll(s, "\r\n", "\n")
}
