# tree-sitter's C runtime and the grammars of the languages code-samples
# checks, from the npm registry (pinned in third_party/npm-packages.lock and
# verified by sha256 in scripts/fetch-npm). Built as one static library whose
# only user is src/code/.
set(answerlint_npm_dir ${PROJECT_BINARY_DIR}/npm)
execute_process(
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/fetch-npm ${answerlint_npm_dir}
  RESULT_VARIABLE answerlint_fetch_result)
if(NOT answerlint_fetch_result EQUAL 0)
  message(FATAL_ERROR "Fetching the tree-sitter packages from npm failed (see above)")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/third_party/npm-packages.lock)

set(answerlint_ts_runtime ${answerlint_npm_dir}/tree-sitter/vendor/tree-sitter/lib)
add_library(answerlint_treesitter STATIC ${answerlint_ts_runtime}/src/lib.c)
target_include_directories(answerlint_treesitter
  PUBLIC ${answerlint_ts_runtime}/include
  PRIVATE ${answerlint_ts_runtime}/src)
set_target_properties(answerlint_treesitter PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_compile_options(answerlint_treesitter PRIVATE -w)

# name: the npm package folder; the rest: its grammar folders (src/ inside).
function(answerlint_grammar package)
  set(dirs ${ARGN})
  if(NOT dirs)
    set(dirs .)
  endif()
  foreach(dir IN LISTS dirs)
    set(src ${answerlint_npm_dir}/${package}/${dir}/src)
    set(sources ${src}/parser.c)
    if(EXISTS ${src}/scanner.c)
      list(APPEND sources ${src}/scanner.c)
    endif()
    string(MAKE_C_IDENTIFIER "grammar_${package}_${dir}" target)
    add_library(${target} OBJECT ${sources})
    # Each grammar sees only its own headers (tree_sitter/parser.h differs by version).
    target_include_directories(${target} PRIVATE ${src})
    set_target_properties(${target} PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
    # Parse tables are data: -O1 builds the 17 MB SQL grammar in a fraction of
    # the -O2 time and parses code samples as fast as we need.
    target_compile_options(${target} PRIVATE -w -O1)
    target_sources(answerlint_treesitter PRIVATE $<TARGET_OBJECTS:${target}>)
  endforeach()
endfunction()

answerlint_grammar(tree-sitter-bash)
answerlint_grammar(tree-sitter-go)
answerlint_grammar(tree-sitter-java)
answerlint_grammar(tree-sitter-javascript)
answerlint_grammar(tree-sitter-json)
answerlint_grammar(tree-sitter-python)
answerlint_grammar(tree-sitter-typescript typescript tsx)
answerlint_grammar(@tree-sitter-grammars/tree-sitter-yaml)
answerlint_grammar(@derekstride/tree-sitter-sql)
