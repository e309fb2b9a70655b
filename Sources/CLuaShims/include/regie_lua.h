#ifndef REGIE_LUA_H
#define REGIE_LUA_H

#include <stddef.h>
#include <stdint.h>

/// Status of a call into the sandbox. Every entry point returns one of these and never lets a
/// Lua error (a longjmp) escape to its caller.
typedef enum {
    REGIE_LUA_OK = 0,
    REGIE_LUA_SYNTAX = 1,
    REGIE_LUA_RUNTIME = 2,
    REGIE_LUA_MEMORY = 3,
    REGIE_LUA_BUDGET = 4,
    REGIE_LUA_VALUE = 5,   /* a value could not be transferred (bad encoding, too deep, wrong type) */
} regie_lua_status;

/// An opaque sandboxed Lua state. Single-threaded: one owner at a time.
typedef struct regie_lua regie_lua;

/// Creates a sandboxed state whose allocations are capped at `memory_limit` bytes, and runs
/// `prelude` (Lua source) to define helper functions in the sandbox's base environment.
/// Returns NULL when the state cannot be created; `message` then says why.
regie_lua *regie_lua_open(size_t memory_limit, const char *prelude, size_t prelude_len,
                          char *message, size_t message_cap);

void regie_lua_close(regie_lua *state);

/// Compiles source text (never binary chunks) and keeps it in the state.
/// Returns a reference >= 0, or -1 with `status` and `message` set.
int regie_lua_compile(regie_lua *state, const char *chunk_name, const char *source, size_t length,
                      regie_lua_status *status, char *message, size_t message_cap);

/// Calls a compiled chunk in a fresh environment whose global `name` holds the decoded
/// argument, with at most `instruction_budget` VM instructions. On success the chunk's first
/// result is encoded into a buffer owned by the state (valid until the next call) and
/// `*result`/`*result_length` point at it.
regie_lua_status regie_lua_call(regie_lua *state, int reference, const char *name,
                                const uint8_t *argument, size_t argument_length,
                                long instruction_budget,
                                const uint8_t **result, size_t *result_length,
                                char *message, size_t message_cap);

/// Bytes the state has allocated now.
size_t regie_lua_memory_in_use(const regie_lua *state);

#endif
