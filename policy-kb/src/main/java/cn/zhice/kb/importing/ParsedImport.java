package cn.zhice.kb.importing;

import java.util.List;

/** The outcome of reading an import file: the valid lines and every error found. */
record ParsedImport(List<ImportLine> lines, List<ImportError> errors) {}
