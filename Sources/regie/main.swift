import RegieCLI
await RegieMain.run()
