package cn.zhice.kb.importing;

import java.util.List;

/**
 * What an import did: new entries, entries given a new version, entries left as they were (same content and
 * status), and the errors (always empty on success; a failed import answers 400 instead).
 */
public record ImportResult(int imported, int updated, int unchanged, List<ImportError> errors) {}
