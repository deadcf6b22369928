package bryt.shared.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import bryt.shared.tables.TableExports.Format;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * An empty file of a kind to fill in: its header row, one cell per column of the kind's
 * own {@link ImportKind#columns()}, each named {@code import.column.<name>} in the user's
 * language. Every such name is one the column accepts, so a filled-in template imports as
 * it is.
 */
@Component
public class ImportTemplates {

	private final MessageSource messages;

	ImportTemplates(MessageSource messages) {
		this.messages = messages;
	}

	/** The kind's column names in a language, in the kind's order. */
	public List<String> headers(ImportKind kind, Locale locale) {
		return kind.columns()
			.stream()
			.map((column) -> this.messages.getMessage("import.column." + column.name(), null, locale))
			.toList();
	}

	/** E.g. {@code staff-template.xlsx}. */
	public String fileName(ImportKind kind, Format format) {
		return kind.name() + "-template." + format.extension();
	}

	/**
	 * The template's Content-Disposition: the ASCII name ({@code staff-template.xlsx})
	 * every client takes, and for those that read RFC 6266's {@code filename*} (every
	 * current browser) the name in the user's language ({@code Personal-mall.xlsx}).
	 */
	public String contentDisposition(ImportKind kind, Format format, Locale locale) {
		String kindName = this.messages.getMessage(kind.messageKey(), null, locale);
		String local = this.messages.getMessage("imports.template.fileName", new Object[] { kindName }, locale) + "."
				+ format.extension();
		return "attachment; filename=\"" + fileName(kind, format) + "\"; filename*=UTF-8''"
				+ UriUtils.encode(local, StandardCharsets.UTF_8);
	}

	public byte[] template(ImportKind kind, Format format, Locale locale) {
		List<String> headers = headers(kind, locale);
		return (format == Format.CSV) ? csv(headers, locale) : xlsx(headers, kind.name());
	}

	/**
	 * UTF-8 with a byte order mark, so that Excel opens the letters right; separated by
	 * semicolons in Swedish and Danish, as Excel there saves CSV, and by commas in
	 * English.
	 */
	private static byte[] csv(List<String> headers, Locale locale) {
		String separator = "en".equals(locale.getLanguage()) ? "," : ";";
		return ("\uFEFF" + String.join(separator, headers) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] xlsx(List<String> headers, String sheetName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Bryt", "1.0");
			Worksheet sheet = workbook.newWorksheet(sheetName);
			for (int i = 0; i < headers.size(); i++) {
				sheet.value(0, i, headers.get(i));
				sheet.style(0, i).bold().set();
				sheet.width(i, Math.max(12, headers.get(i).length() + 4));
				// Every column as text, so that Excel keeps what is typed: an employee
				// number's leading zeros, a code such as 1-2 that it would make a date.
				// The
				// imports read text as they read CSV (dates, 75 %, 0,75).
				sheet.style(i).format("@").set();
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
