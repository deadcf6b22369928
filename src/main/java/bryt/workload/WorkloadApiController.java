package bryt.workload;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import bryt.organisation.ApiClient;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.shared.imports.Actor;
import bryt.shared.imports.ImportKind;
import bryt.shared.imports.Imports;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The workload HTTP API, described in {@code /api/v1/openapi.json}. Reading needs a login
 * or a token and shows what the caller may see; importing needs a token of the
 * organisation.
 */
@RestController
@RequestMapping("/api/v1/organisations/{org}")
class WorkloadApiController {

	private final Workload workload;

	private final Organisations organisations;

	private final JsonMapper json;

	private final Imports imports;

	private final Cache<JsonKey, Answer> answers = Caffeine.newBuilder()
		.maximumWeight(256L << 20)
		.<JsonKey, Answer>weigher((key, answer) -> answer.json().length + answer.gzip().length)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	WorkloadApiController(Workload workload, Organisations organisations, JsonMapper json, Imports imports) {
		this.workload = workload;
		this.organisations = organisations;
		this.json = json;
		this.imports = imports;
	}

	/**
	 * The figures as JSON. The serialised answer is cached per data version and viewer,
	 * plain and gzipped: for a large organisation writing and compressing the JSON costs
	 * far more than reading it from memory. Its ETag is a hash of the content, so a
	 * client that sends it back with {@code If-None-Match} gets {@code 304} until the
	 * data change.
	 */
	@GetMapping(path = "/workload", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> workload(@PathVariable String org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
			Authentication authentication, WebRequest request) {
		Organisation organisation = organisation(org);
		Viewer viewer = Viewer.of(authentication, organisation.id(), this.organisations)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		LocalDate date = date(at);
		JsonKey key = new JsonKey(organisation.id(), date, this.workload.version(organisation), viewer);
		Answer answer = this.answers.get(key, (k) -> Answer
			.of(this.json.writeValueAsBytes(WorkloadJson.of(this.workload.figures(organisation, date), viewer))));
		if (request.checkNotModified(answer.etag())) {
			return null;
		}
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.eTag(answer.etag())
			.varyBy(HttpHeaders.ACCEPT_ENCODING);
		if (acceptsGzip(acceptEncoding)) {
			return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(answer.gzip());
		}
		return ok.body(answer.json());
	}

	/** Whether an {@code Accept-Encoding} header admits gzip (RFC 9110, 12.5.3). */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].strip();
			if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].strip().replace(" ", "");
					if (parameter.matches("(?i)q=0(\\.0{0,3})?")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

	/** The asked date, today without one; a 400 outside the years Bryt covers. */
	private LocalDate date(LocalDate at) {
		if (at != null && !Workload.covers(at)) {
			throw new IllegalArgumentException(
					"The date must lie between " + Workload.FIRST_DAY + " and " + Workload.LAST_DAY + ".");
		}
		return (at != null) ? at : this.workload.today();
	}

	/** The weekly trend of the 52 weeks up to the date, cut like the figures. */
	@GetMapping(path = "/workload/trend", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("isAuthenticated()")
	WorkloadJson.Weekly trend(@PathVariable String org,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
			Authentication authentication) {
		Organisation organisation = organisation(org);
		Viewer viewer = Viewer.of(authentication, organisation.id(), this.organisations)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		LocalDate date = date(at);
		return WorkloadJson.weekly(organisation.code(), this.workload.trend(organisation, date), viewer);
	}

	@PostMapping(path = "/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('API_CLIENT')")
	Map<String, Object> importFile(@PathVariable String org, @PathVariable String kind,
			@RequestPart("file") MultipartFile file, Authentication authentication) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return importStream(org, kind, file.getOriginalFilename(), in, authentication);
		}
	}

	@PostMapping(path = "/imports/{kind}",
			consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('API_CLIENT')")
	Map<String, Object> importBody(@PathVariable String org, @PathVariable String kind, HttpServletRequest request,
			Authentication authentication) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return importStream(org, kind, null, in, authentication);
		}
	}

	/**
	 * Imports for the token's organisation, recorded in the history under the token's
	 * name and the file's own name, or the kind's with the extension of what the file is
	 * ({@code staff.xlsx}) when it has none.
	 */
	private Map<String, Object> importStream(String org, String kind, String originalName, InputStream body,
			Authentication authentication) throws IOException {
		Organisation organisation = organisation(org);
		if (!(authentication instanceof ApiClient client) || client.organisationId() != organisation.id()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		ImportKind importKind = this.imports.kind(kind);
		BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
		String fileName = Imports.fileName(originalName, Imports.defaultName(importKind, in));
		int changed = this.imports.run(organisation.id(), importKind, fileName, in, Actor.api(client.tokenName()));
		return Map.of("organisation", organisation.code(), "kind", importKind.name(), "file", fileName, "changed",
				changed);
	}

	private record JsonKey(long organisationId, LocalDate at, long version, Viewer viewer) {
	}

	/** One serialised answer, plain and gzipped, with an ETag from its content. */
	private record Answer(byte[] json, byte[] gzip, String etag) {

		static Answer of(byte[] json) {
			ByteArrayOutputStream zipped = new ByteArrayOutputStream(json.length / 8);
			try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
				gzip.write(json);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			byte[] hash = DigestUtils.md5Digest(json);
			return new Answer(json, zipped.toByteArray(),
					"\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"");
		}

	}

	private Organisation organisation(String code) {
		return this.organisations.findByCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
