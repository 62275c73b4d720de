/** JSON as the API answers it. */
export type Json = Record<string, unknown>

/** An HTTP answer: its status, its body as text, and parsed when it is JSON (`{}` otherwise). */
export type JsonAnswer = { status: number; json: Json; text: string }

/** Reads a response to the end; the tests' and the load run's clients both answer with this. */
export const readJsonAnswer = async (response: Response): Promise<JsonAnswer> => {
  const text = await response.text()
  let json: Json = {}
  try {
    json = JSON.parse(text) as Json
  } catch {
    // not JSON
  }
  return { status: response.status, json, text }
}
