const { serverProject } = require('../../jest.shared');

module.exports = serverProject('launcher', __dirname);
