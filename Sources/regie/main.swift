import RegieCLI
RegieMain.run()
