" Vim syntax file
" Language:    Mutual (partnership agreements, *.mutual)
" Maintainer:  the Mutual project
"
" Put this file in ~/.config/nvim/syntax/ (Neovim) or ~/.vim/syntax/ (Vim).
" The language server `mutual lsp` adds semantic highlighting on top.

if exists("b:current_syntax")
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" Identifiers: letters (any script), digits, `_` and `-`; keywords such as
" `wind-down` and `open-ended` hold a `-` too.
syntax iskeyword @,48-57,_,192-255,-

syntax case match

" Comments and strings.
syntax keyword mutualTodo contained TODO FIXME XXX NOTE
syntax match mutualComment "#.*$" contains=mutualTodo,@Spell
syntax match mutualEscape contained +\\\%(["\\nt]\|u{\x\{1,6}}\)+
syntax match mutualBadEscape contained +\\\%(\%(["\\nt]\|u{\x\{1,6}}\)\@!.\|$\)+
" A string is on one line: one that is not closed ends at the end of the line.
syntax region mutualString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ contains=mutualEscape,mutualBadEscape,@Spell

" Declarations, with the id that follows.
syntax keyword mutualInclude import
syntax keyword mutualDeclaration agreement
syntax keyword mutualDeclaration party nextgroup=mutualPartyName skipwhite
syntax keyword mutualDeclaration goal nextgroup=mutualGoalName skipwhite

" Clauses that name something after them.
syntax keyword mutualKeyword pursues nextgroup=mutualGoalList skipwhite
syntax keyword mutualKeyword invests gains nextgroup=mutualResourceKind skipwhite
syntax keyword mutualKeyword kind nextgroup=mutualPartyKind skipwhite
syntax keyword mutualKeyword allow nextgroup=mutualRuleName skipwhite
syntax keyword mutualKeyword status nextgroup=mutualStatusValue skipwhite
syntax keyword mutualKeyword to from nextgroup=mutualPartyName skipwhite
syntax keyword mutualKeyword channel escalation decides nextgroup=mutualPartyList skipwhite

" The other keywords.
syntax keyword mutualKeyword purpose binding term review every exit notice
syntax keyword mutualKeyword wind-down creates measure anonymous contact
syntax keyword mutualKeyword license commits by signed risk mitigation because
syntax keyword mutualBoolean yes no
syntax keyword mutualConstant all open-ended

" What follows a keyword.
syntax match mutualPartyName contained "\d\@!\k\+"
syntax match mutualGoalName contained "\d\@!\k\+"
syntax match mutualGoalList contained "\d\@!\k\+" nextgroup=mutualGoalComma skipwhite
syntax match mutualGoalComma contained "," nextgroup=mutualGoalList skipwhite
syntax match mutualPartyList contained "\%(all\>\|\d\)\@!\k\+" nextgroup=mutualPartyComma,mutualArrow skipwhite
syntax match mutualPartyComma contained "," nextgroup=mutualPartyList skipwhite
syntax match mutualResourceKind contained "\d\@!\k\+"
syntax match mutualPartyKind contained "\d\@!\k\+"
syntax match mutualRuleName contained "\d\@!\k\+"
syntax match mutualStatusValue contained "\<\%(draft\|proposed\|signed\|active\|ended\)\>"

" Values.
syntax match mutualNumber "\<\d\+\%(\.\d\+\)\=\>"
syntax match mutualDuration "\<\d\+\s\+\%(days\=\|weeks\=\|months\=\|years\=\)\>" contains=mutualNumber
syntax match mutualDate "\<\d\{4}-\d\{2}-\d\{2}\>"
syntax match mutualArrow "<\=->" nextgroup=mutualPartyList skipwhite
syntax match mutualBrace "[{}]"

highlight default link mutualTodo Todo
highlight default link mutualComment Comment
highlight default link mutualString String
highlight default link mutualEscape SpecialChar
highlight default link mutualBadEscape Error
highlight default link mutualInclude Include
highlight default link mutualDeclaration Structure
highlight default link mutualKeyword Keyword
highlight default link mutualBoolean Boolean
highlight default link mutualConstant Constant
highlight default link mutualPartyName Identifier
highlight default link mutualPartyList Identifier
highlight default link mutualGoalName Label
highlight default link mutualGoalList Label
highlight default link mutualGoalComma Delimiter
highlight default link mutualPartyComma Delimiter
highlight default link mutualResourceKind Type
highlight default link mutualPartyKind Type
highlight default link mutualRuleName PreProc
highlight default link mutualStatusValue Constant
highlight default link mutualNumber Number
highlight default link mutualDuration Number
highlight default link mutualDate Number
highlight default link mutualArrow Operator
highlight default link mutualBrace Delimiter

let b:current_syntax = "mutual"

let &cpo = s:cpo_save
unlet s:cpo_save
