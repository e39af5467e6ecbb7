;;; mutual-mode.el --- Major mode for Mutual partnership agreements -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages
;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; A major mode for `*.mutual' files: highlighting, `#' comments,
;; indentation by braces, an index of agreements, parties and goals
;; (imenu), and the language server `mutual lsp' through eglot (built into
;; Emacs 29 and later; a package before).
;;
;; Install: put this file on your `load-path' and add to your init file
;;
;;   (require 'mutual-mode)
;;   (add-hook 'mutual-mode-hook #'eglot-ensure)   ; start the server
;;
;; or with use-package:
;;
;;   (use-package mutual-mode
;;     :load-path "/path/to/mutual/editors/emacs"
;;     :mode "\\.mutual\\'"
;;     :hook (mutual-mode . eglot-ensure))
;;
;; `mutual' must be on `exec-path' (or change the entry added to
;; `eglot-server-programs' below).

;;; Code:

(defgroup mutual nil
  "Mutual partnership agreements."
  :group 'languages
  :prefix "mutual-")

(defcustom mutual-indent-offset 2
  "Number of spaces for each level of braces, as `mutual fmt' writes them."
  :type 'integer
  :safe #'integerp)

(defconst mutual-keywords
  '("agreement" "import" "party" "goal" "status" "purpose" "binding" "term"
    "to" "open-ended" "review" "every" "exit" "notice" "wind-down" "creates"
    "measure" "kind" "anonymous" "contact" "pursues" "invests" "gains" "from"
    "license" "commits" "by" "signed" "channel" "escalation" "decides" "all"
    "risk" "mitigation" "allow" "because" "yes" "no")
  "The reserved words of the Mutual language.")

;; Emacs 29 has a face for escapes; before it, escapes look like constants.
(defface mutual-escape-face
  `((t :inherit ,(if (facep 'font-lock-escape-face)
                     'font-lock-escape-face
                   'font-lock-constant-face)))
  "Face for the escapes of a string: \\\", \\\\, \\n, \\t, \\u{...}.")

(defconst mutual--id
  "\\(?:[[:alpha:]]\\|_\\)\\(?:\\w\\|\\s_\\)*"
  "An identifier: a letter or `_', then letters, digits, `_' or `-'.")

(defun mutual--after (words)
  "A regexp for one of WORDS, then an identifier (its group 2)."
  (concat "\\_<" (regexp-opt words t) "[ \t]+\\(" mutual--id "\\)"))

(defun mutual--match-escape (limit valid)
  "Find the next escape inside a string before LIMIT.
VALID non-nil finds the escapes of the language (\\\" \\\\ \\n \\t
\\u{X...}), nil the others.  Sets the match data to the escape."
  (let (found)
    (while (and (not found) (search-forward "\\" limit t))
      (let ((start (1- (point))))
        (when (nth 3 (save-excursion (syntax-ppss start)))
          (let ((ok (looking-at "\\(?:[\"\\\\nt]\\|u{[0-9A-Fa-f]\\{1,6\\}}\\)")))
            (goto-char (if ok
                           (match-end 0)
                         (min (1+ (point)) (line-end-position))))
            (when (eq (and ok t) (and valid t))
              (set-match-data (list start (point)))
              (setq found t))))))
    found))

(defun mutual--match-valid-escape (limit)
  "Font-lock matcher: the next valid escape in a string before LIMIT."
  (mutual--match-escape limit t))

(defun mutual--match-invalid-escape (limit)
  "Font-lock matcher: the next invalid escape in a string before LIMIT."
  (mutual--match-escape limit nil))

(defconst mutual-font-lock-keywords
  `(;; The word after a keyword: ids, kinds, rule names, statuses.
    (,(mutual--after '("party" "to" "from")) 2 'font-lock-type-face)
    (,(mutual--after '("goal")) 2 'font-lock-variable-name-face)
    (,(mutual--after '("invests" "gains" "kind")) 2 'font-lock-builtin-face)
    (,(mutual--after '("allow")) 2 'font-lock-function-name-face)
    ("\\_<status[ \t]+\\(\\_<\\(?:draft\\|proposed\\|signed\\|active\\|ended\\)\\_>\\)"
     1 'font-lock-constant-face)
    ;; pursues GOAL, GOAL
    ("\\_<pursues\\_>"
     (,mutual--id nil nil (0 'font-lock-variable-name-face)))
    ;; channel A <-> B, escalation A -> B
    (,(concat "\\_<\\(?:channel\\|escalation\\)[ \t]+\\(" mutual--id
              "\\)[ \t]*<?->[ \t]*\\(" mutual--id "\\)")
     (1 'font-lock-type-face) (2 'font-lock-type-face))
    ;; Keywords and constants.
    (,(concat "\\_<" (regexp-opt '("yes" "no" "all" "open-ended") t) "\\_>")
     . 'font-lock-constant-face)
    (,(concat "\\_<" (regexp-opt mutual-keywords t) "\\_>")
     . 'font-lock-keyword-face)
    ;; Dates, numbers, arrows.
    ("\\_<[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}\\_>" . 'font-lock-constant-face)
    ("\\_<[0-9]+\\(?:\\.[0-9]+\\)?\\_>" . 'font-lock-constant-face)
    ("<?->" . 'font-lock-builtin-face)
    ;; Escapes inside strings; an escape the language does not have is a
    ;; syntax error, shown as a warning.
    (mutual--match-valid-escape 0 'mutual-escape-face prepend)
    (mutual--match-invalid-escape 0 'font-lock-warning-face prepend))
  "Highlighting for `mutual-mode'.")

(defvar mutual-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?# "<" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?{ "(}" table)
    (modify-syntax-entry ?} "){" table)
    (modify-syntax-entry ?, "." table)
    (modify-syntax-entry ?< "." table)
    (modify-syntax-entry ?> "." table)
    table)
  "Syntax table for `mutual-mode': `#' comments, one-line strings.")

(defun mutual-indent-line ()
  "Indent the current line by the depth of braces around it."
  (interactive)
  (let* ((depth (save-excursion
                  (car (syntax-ppss (line-beginning-position)))))
         (closing (save-excursion
                    (back-to-indentation)
                    (eq (char-after) ?})))
         (column (* mutual-indent-offset (max 0 (- depth (if closing 1 0))))))
    (if (<= (current-column) (current-indentation))
        (indent-line-to column)
      (save-excursion (indent-line-to column)))))

(defvar mutual-imenu-generic-expression
  `(("Agreements" "^[ \t]*agreement[ \t]+\"\\([^\"\n]*\\)\"" 1)
    ("Parties" ,(concat "^[ \t]*party[ \t]+\\(" mutual--id "\\)") 1)
    ("Goals" ,(concat "^[ \t]*goal[ \t]+\\(" mutual--id "\\)") 1))
  "Index of `mutual-mode' buffers.")

;;;###autoload
(define-derived-mode mutual-mode prog-mode "Mutual"
  "Major mode for Mutual partnership agreements (`*.mutual' files).

Diagnostics, quick fixes, hover, completion, go to definition and
formatting come from the language server `mutual lsp': start it with
\\[eglot] or `eglot-ensure' in `mutual-mode-hook'."
  :syntax-table mutual-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local font-lock-defaults '(mutual-font-lock-keywords))
  (setq-local indent-line-function #'mutual-indent-line)
  (setq-local indent-tabs-mode nil)
  (setq-local electric-indent-chars (append '(?{ ?}) electric-indent-chars))
  (setq-local imenu-generic-expression mutual-imenu-generic-expression))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.mutual\\'" . mutual-mode))

;; The language server, for eglot.
;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(mutual-mode "mutual" "lsp")))

(provide 'mutual-mode)

;;; mutual-mode.el ends here
