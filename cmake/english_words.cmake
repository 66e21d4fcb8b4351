# Writes OUTPUT: the words of the hunspell dictionary DIC + AFF with every
# affix applied (hunspell's unmunch), one per line, sorted bytewise, letters
# and apostrophes only (answerlint checks no other word against it); first a
# line with the size and modification time of AFF and DIC, so that the list
# is only used with the dictionary it was made from.
execute_process(
  COMMAND ${UNMUNCH} ${DIC} ${AFF}
  COMMAND grep -E "^[A-Za-z][A-Za-z']*$"
  COMMAND env LC_ALL=C sort -u
  OUTPUT_FILE ${OUTPUT}.words
  ERROR_QUIET
  RESULTS_VARIABLE results)
foreach(result IN LISTS results)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "unmunch ${DIC} ${AFF} | grep | sort failed (${results})")
  endif()
endforeach()
file(SIZE ${AFF} aff_size)
file(SIZE ${DIC} dic_size)
file(TIMESTAMP ${AFF} aff_time "%s" UTC)
file(TIMESTAMP ${DIC} dic_time "%s" UTC)
file(READ ${OUTPUT}.words words)
string(LENGTH "${words}" size)
if(size LESS 100000)
  message(FATAL_ERROR "unmunch ${DIC} gave only ${size} bytes of words")
endif()
file(WRITE ${OUTPUT}.tmp "answerlint-english-words 2 ${aff_size} ${aff_time} ${dic_size} ${dic_time}\n${words}")
file(REMOVE ${OUTPUT}.words)
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
