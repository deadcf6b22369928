package bryt.voice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named texts as bytes, before encryption and after decryption: a count, then
 * length-prefixed UTF-8 names and values. Small and exact, with no parser to trust.
 */
final class Payload {

	private Payload() {
	}

	static byte[] encode(Map<String, String> values) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(values.size());
			for (Map.Entry<String, String> entry : values.entrySet()) {
				write(out, entry.getKey());
				write(out, entry.getValue());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static Map<String, String> decode(byte[] encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
			int count = in.readInt();
			for (int i = 0; i < count; i++) {
				values.put(read(in), read(in));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return values;
	}

	private static void write(DataOutputStream out, String value) throws IOException {
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(utf8.length);
		out.write(utf8);
	}

	private static String read(DataInputStream in) throws IOException {
		byte[] utf8 = new byte[in.readInt()];
		in.readFully(utf8);
		return new String(utf8, StandardCharsets.UTF_8);
	}

}
