package bryt.voice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files a reporter attaches, to a report or to a message: at most
 * {@value #MAX_FILES}, each named by its own name only and cleaned of metadata
 * ({@link FileCleaning}) before anything else sees it.
 */
@Component
class Uploads {

	static final int MAX_FILES = 5;

	static final int MAX_NAME = 200;

	private final FileCleaning cleaning;

	Uploads(FileCleaning cleaning) {
		this.cleaning = cleaning;
	}

	/**
	 * The files as they will be stored; a refused file puts its message under
	 * {@code files} in {@code errors}.
	 */
	List<Reports.Upload> read(List<MultipartFile> files, Map<String, String> errors) {
		List<Reports.Upload> uploads = new ArrayList<>();
		if (files == null) {
			return uploads;
		}
		List<MultipartFile> given = files.stream().filter((file) -> !file.isEmpty()).toList();
		if (given.size() > MAX_FILES) {
			errors.put("files", "voice.error.files");
			return uploads;
		}
		for (MultipartFile file : given) {
			try {
				uploads.add(this.cleaning.clean(fileName(file.getOriginalFilename()), file.getBytes()));
			}
			catch (IOException ex) {
				errors.put("files", "voice.error.files");
			}
			catch (MetadataCleaner.Refused ex) {
				errors.put("files", ex.messageKey());
			}
		}
		return uploads;
	}

	/** For the message that refuses a larger image. */
	long maxMegapixels() {
		return this.cleaning.maxMegapixels();
	}

	/**
	 * The file's own name without any path a browser may send, at most {@value #MAX_NAME}
	 * characters.
	 */
	static String fileName(String original) {
		String name = (original != null) ? original.replace('\\', '/') : "";
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		if (name.isEmpty()) {
			name = "file";
		}
		return (name.length() > MAX_NAME) ? name.substring(name.length() - MAX_NAME) : name;
	}

}
