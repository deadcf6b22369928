package bryt.shared.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 (with or without byte order mark) or Windows-1252, the two encodings that
 * Swedish and Danish HR and case systems export, in one streaming pass: it decodes strict
 * UTF-8 until the first byte sequence that is not UTF-8, and switches to Windows-1252 if
 * everything before was plain ASCII (which both encodings read alike). A file that mixes
 * valid UTF-8 letters with Windows-1252 ones is refused.
 */
final class CharsetDetectingReader extends Reader {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final InputStream in;

	private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);

	private CharsetDecoder decoder = strictUtf8();

	private boolean sawNonAscii;

	private boolean switched;

	private boolean eof;

	private boolean firstRead = true;

	CharsetDetectingReader(InputStream in) {
		this.in = in;
		this.bytes.flip();
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		CharBuffer out = CharBuffer.wrap(target, offset, length);
		while (out.position() == offset) {
			if (!this.bytes.hasRemaining() || this.bytes.remaining() < 4) {
				fill();
			}
			if (this.firstRead) {
				skipByteOrderMark();
				this.firstRead = false;
			}
			int start = this.bytes.position();
			CoderResult result = this.decoder.decode(this.bytes, out, this.eof);
			noteNonAscii(start);
			if (result.isError()) {
				if (this.switched || this.sawNonAscii) {
					throw new CharacterCodingException();
				}
				this.decoder = WINDOWS_1252.newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE);
				this.switched = true;
				continue;
			}
			if (this.eof && !this.bytes.hasRemaining()) {
				this.decoder.flush(out);
				break;
			}
		}
		int read = out.position() - offset;
		return (read == 0 && this.eof) ? -1 : read;
	}

	private void noteNonAscii(int from) {
		if (this.sawNonAscii) {
			return;
		}
		for (int i = from; i < this.bytes.position(); i++) {
			if (this.bytes.get(i) < 0) {
				this.sawNonAscii = true;
				return;
			}
		}
	}

	private void skipByteOrderMark() {
		if (this.bytes.remaining() >= 3 && (this.bytes.get(this.bytes.position()) & 0xFF) == 0xEF
				&& (this.bytes.get(this.bytes.position() + 1) & 0xFF) == 0xBB
				&& (this.bytes.get(this.bytes.position() + 2) & 0xFF) == 0xBF) {
			this.bytes.position(this.bytes.position() + 3);
		}
	}

	private void fill() throws IOException {
		if (this.eof) {
			return;
		}
		this.bytes.compact();
		int read = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (read < 0) {
			this.eof = true;
		}
		else {
			this.bytes.position(this.bytes.position() + read);
		}
		this.bytes.flip();
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private static CharsetDecoder strictUtf8() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

}
